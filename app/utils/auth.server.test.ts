import { describe, expect, it } from "vitest";
import { createTestUser } from "#seeds/factories";
import { getAuth, requireRole, requireUser, safeRedirectPath, startSession } from "./auth.server";
import { getDb } from "./db.server";

function requestWithCookie(setCookie: string | null, path = "/espace"): Request {
  const headers = new Headers();
  if (setCookie) headers.set("Cookie", setCookie.split(";")[0]!);
  return new Request(`http://localhost${path}`, { headers });
}

async function thrown(fn: () => unknown): Promise<unknown> {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("who is asking", () => {
  it("recognises the person from the session cookie", async () => {
    const user = await createTestUser(getDb(), { roles: ["benevole"] });
    const auth = getAuth(requestWithCookie(startSession(user.id)));
    expect(auth?.user.id).toBe(user.id);
    expect(auth?.roles).toEqual(["benevole"]);
  });

  it("sends a visitor to /connexion with the page to come back to", async () => {
    const response = (await thrown(() => requireUser(requestWithCookie(null, "/compte?onglet=2")))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/connexion?redirectTo=%2Fcompte%3Fonglet%3D2");
  });

  it("treats a forged cookie as a visitor", async () => {
    expect(getAuth(requestWithCookie("maillon_session=abc.def"))).toBeNull();
  });

  it("refuses with 403 a signed-in person without the role, and lets an admin through", async () => {
    const db = getDb();
    const holder = await createTestUser(db, { roles: ["porteur"] });
    const error = (await thrown(() => requireRole(requestWithCookie(startSession(holder.id)), "animateur"))) as {
      init: { status: number } | null;
    };
    expect(error.init?.status).toBe(403);

    const admin = await createTestUser(db, { roles: ["admin"] });
    expect(requireRole(requestWithCookie(startSession(admin.id)), "animateur").user.id).toBe(admin.id);
  });
});

describe("redirect targets", () => {
  it.each([
    ["/compte", "/compte"],
    ["https://evil.example/", "/espace"],
    ["//evil.example", "/espace"],
    ["/\\evil.example", "/espace"],
    [null, "/espace"],
  ])("%s → %s", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });
});
