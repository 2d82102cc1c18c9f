/**
 * « Mes sessions » on /compte: the person sees each device where they are
 * signed in, named from its User-Agent, this one marked; they close one of
 * their own or all the others; someone else's session id changes nothing.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions } from "#db/schema";
import { createTestUser } from "#seeds/factories";
import * as compte from "~/routes/compte";
import * as connexion from "~/routes/connexion";
import { sessionCookie } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { createSession, sessionExpiresAt } from "~/utils/session.server";
import { messageOf, type Called } from "./helpers";

const FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const HOUR = 3_600_000;

/** A person signed in on three devices: this Firefox, an iPhone seen three hours ago, a phone seen yesterday. */
async function personOnThreeDevices() {
  const db = getDb();
  const user = await createTestUser(db, { password: "un mot de passe assez long" });
  const now = new Date();
  const here = createSession(db, user.id, new Date(now.getTime() - 2 * HOUR), FIREFOX_LINUX);
  const phone = createSession(db, user.id, new Date(now.getTime() - 5 * HOUR), SAFARI_IPHONE);
  db.update(sessions).set({ lastVerifiedAt: new Date(now.getTime() - 3 * HOUR - 60_000) }).where(eq(sessions.id, phone.session.id)).run();
  const old = createSession(db, user.id, new Date(now.getTime() - 3 * 24 * HOUR), "");
  const cookie = sessionCookie(here.token, sessionExpiresAt(here.session), now).split(";")[0]!;
  return { db, user, here, phone, old, cookie };
}

function request(cookie: string, form?: Record<string, string>): Request {
  const headers = new Headers({ Cookie: cookie });
  if (!form) return new Request("http://localhost/compte", { headers });
  headers.set("Content-Type", "application/x-www-form-urlencoded");
  return new Request("http://localhost/compte", { method: "POST", headers, body: new URLSearchParams(form) });
}

type Args = LoaderFunctionArgs & ActionFunctionArgs;
const args = (req: Request) => ({ request: req, params: {}, context: { clientAddress: "192.0.2.10" } }) as Args;

async function postTo(cookie: string, form: Record<string, string>): Promise<Called> {
  try {
    const result = await compte.action(args(request(cookie, form)));
    if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), thrown: false };
    const { data, init } = result as unknown as { data: unknown; init: ResponseInit | null };
    return { status: init?.status ?? 200, data, thrown: false };
  } catch (error) {
    if (error instanceof Response) return { status: error.status, location: error.headers.get("Location"), thrown: true };
    throw error;
  }
}

const openIds = (userId: number) =>
  getDb()
    .select({ id: sessions.id })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .all()
    .map((s) => s.id)
    .sort();

describe("the sessions listed on /compte", () => {
  it("name each device, say when it was last seen, and mark this one first", async () => {
    const { here, cookie } = await personOnThreeDevices();
    const page = (await compte.loader(args(request(cookie)))) as { sessions: { id: string; device: string; current: boolean; lastSeenLabel: string; openedLabel: string }[] };
    expect(page.sessions.map((s) => [s.device, s.current])).toEqual([
      ["Firefox sur Linux", true],
      ["Safari sur iPhone", false],
      ["Navigateur inconnu", false],
    ]);
    expect(page.sessions[0]!.id).toBe(here.session.id);
    expect(page.sessions[0]!.lastSeenLabel).toBe("maintenant");
    // Three hours ago is « hier » just after midnight in Paris (the words themselves: app/domain/format.test.ts).
    expect(page.sessions[1]!.lastSeenLabel).toMatch(/^(il y a 3 heures|hier)$/);
    expect(page.sessions[2]!.lastSeenLabel).toMatch(/^(hier|le \d{1,2} \p{L}+ \d{4})$/u);
    expect(page.sessions.map((s) => s.openedLabel)).toEqual([expect.stringMatching(/^(il y a 2 heures|hier)$/), expect.stringMatching(/^(il y a 5 heures|hier)$/), expect.stringMatching(/^le \d{1,2} \p{L}+ \d{4}$/u)]);
  });

  it("record the User-Agent of the browser that signs in", async () => {
    const db = getDb();
    const user = await createTestUser(db, { password: "un mot de passe assez long" });
    const form = new URLSearchParams({ email: user.email, password: "un mot de passe assez long", redirectTo: "/compte" });
    const req = new Request("http://localhost/connexion", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "User-Agent": SAFARI_IPHONE },
      body: form,
    });
    const response = (await connexion.action(args(req))) as Response;
    expect(response.status).toBe(302);
    expect(db.select({ ua: sessions.userAgent }).from(sessions).where(eq(sessions.userId, user.id)).all()).toEqual([{ ua: SAFARI_IPHONE }]);
  });
});

describe("closing sessions from /compte", () => {
  it("closes one of the person's other sessions and keeps the rest", async () => {
    const { user, here, phone, old, cookie } = await personOnThreeDevices();
    const called = await postTo(cookie, { intent: "sign-out-session", sessionId: phone.session.id });
    expect(called.status).toBe(302);
    expect(called.location).toBe("/compte#sessions");
    expect(openIds(user.id)).toEqual([here.session.id, old.session.id].sort());
  });

  it("closes all the others at once, keeping this one", async () => {
    const { user, here, cookie } = await personOnThreeDevices();
    const called = await postTo(cookie, { intent: "sign-out-others" });
    expect(called.status).toBe(302);
    expect(openIds(user.id)).toEqual([here.session.id]);
  });

  it("refuses someone else's session id and changes nothing", async () => {
    const mine = await personOnThreeDevices();
    const theirs = await personOnThreeDevices();
    const before = [openIds(mine.user.id), openIds(theirs.user.id)];
    const called = await postTo(mine.cookie, { intent: "sign-out-session", sessionId: theirs.phone.session.id });
    expect(called.status).toBe(404);
    expect(messageOf(called)).toMatch(/Cette session n'existe pas ou a déjà été fermée/);
    expect([openIds(mine.user.id), openIds(theirs.user.id)]).toEqual(before);
  });

  it("closing all the others leaves another person's sessions alone", async () => {
    const mine = await personOnThreeDevices();
    const theirs = await personOnThreeDevices();
    await postTo(mine.cookie, { intent: "sign-out-others" });
    expect(openIds(theirs.user.id)).toHaveLength(3);
  });

  it("sends to « Se déconnecter » for the session in use, and an unknown id is refused", async () => {
    const { user, here, cookie } = await personOnThreeDevices();
    const before = openIds(user.id);
    const own = await postTo(cookie, { intent: "sign-out-session", sessionId: here.session.id });
    expect(own.status).toBe(400);
    expect(messageOf(own)).toMatch(/Se déconnecter/);
    for (const sessionId of ["", "x".repeat(300), "inconnue"]) {
      expect((await postTo(cookie, { intent: "sign-out-session", sessionId })).status).toBe(404);
    }
    expect(openIds(user.id)).toEqual(before);
  });

  it("sends a visitor to sign in", async () => {
    const called = await postTo("", { intent: "sign-out-others" });
    expect(called.location).toMatch(/^\/connexion/);
  });
});
