/**
 * The links Maillon sends by e-mail, through the real routes, a real SQLite file and a real SMTP server
 * that reads what arrives: password reset, sign-up confirmed by its address, address change. None of
 * the requests tells a stranger whether an address has an account.
 */
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { emailTokens, outgoingMails, sessions, userRoles, users } from "#db/schema";
import { createTestUser, TEST_PASSWORD } from "#seeds/factories";
import { useSmtpMailbox } from "#tests/setup/smtp-mailbox";
import type { ReceivedMail } from "#tests/setup/smtp-test-server";
import { checkResetToken, confirmSignUp, requestPasswordReset, resetPassword } from "~/models/account.server";
import { hashToken, MAX_TOKENS_PER_HOUR } from "~/models/email-token.server";
import * as compte from "~/routes/compte";
import * as addressLink from "~/routes/compte_.adresse.$token";
import * as inscription from "~/routes/inscription";
import * as langue from "~/routes/langue";
import * as signUpLink from "~/routes/inscription_.$token";
import * as forgot from "~/routes/mot-de-passe-oublie._index";
import * as resetLink from "~/routes/mot-de-passe-oublie.$token";
import { type Db } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";
import { cookieFor, fieldErrors, get, initialValue, post, postInLanguage, type Called } from "./helpers";

const NEW_PASSWORD = "une phrase neuve et assez longue";
const MINUTE = 60_000;

const box = useSmtpMailbox();
let db: Db;
beforeAll(() => {
  db = box.db;
});

async function delivered(): Promise<ReceivedMail[]> {
  await box.deliver();
  return box.smtp.received;
}

/** The token of the link `/prefix/<token>` in a mail's text. */
function linkToken(mail: ReceivedMail, prefix: string): string {
  const match = new RegExp(`https?://[^\\s/]+${prefix}/([A-Za-z0-9_-]{20,})`).exec(mail.text);
  if (!match) throw new Error(`no link ${prefix}/… in:\n${mail.text}`);
  return match[1]!;
}

const mailCount = () => db.select({ n: count() }).from(outgoingMails).get()!.n;
const tokenCount = () => db.select({ n: count() }).from(emailTokens).get()!.n;
const userCount = () => db.select({ n: count() }).from(users).get()!.n;

/** Every value of every table, as text: to prove a raw token is stored nowhere. */
function wholeDatabase(): string {
  const tables = db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  return tables.map((t) => JSON.stringify(db.$client.prepare(`SELECT * FROM "${t.name}"`).raw().all())).join("\n");
}

const sentPage = (called: Called) => called.data as { sent: true; email: string; outbox: string | null };

describe("password reset", () => {
  it("mails a link to an account's address, stores only the token's SHA-256, and the link sets a new password once", async () => {
    const person = await createTestUser(db);
    const otherSession = cookieFor(person.id);
    expect(otherSession).not.toBeNull();

    const asked = await post(forgot.action, "/mot-de-passe-oublie", null, { email: person.email.toUpperCase() });
    expect(asked.status).toBe(200);
    expect(sentPage(asked).sent).toBe(true);

    const [mail, ...others] = await delivered();
    expect(others).toEqual([]);
    expect(mail!.to).toBe(person.email);
    expect(mail!.subject).toContain("Choisir un nouveau mot de passe");
    expect(mail!.headers.has("list-unsubscribe")).toBe(false);
    const token = linkToken(mail!, "/mot-de-passe-oublie");
    expect(Buffer.from(token, "base64url")).toHaveLength(32);

    const row = db.select().from(emailTokens).where(eq(emailTokens.userId, person.id)).get()!;
    expect(row.purpose).toBe("reinitialisation");
    expect(row.tokenHash.equals(hashToken(token))).toBe(true);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(60 * MINUTE);
    expect(wholeDatabase()).not.toContain(token);

    const page = await get(resetLink.loader, `/mot-de-passe-oublie/${token}`, null, { token });
    expect(page.status).toBe(200);
    expect(page.data).toEqual({ dead: null });

    const done = await post(resetLink.action, `/mot-de-passe-oublie/${token}`, null, { password: NEW_PASSWORD }, { token });
    expect(done.status).toBe(302);
    expect(done.location).toBe("/connexion");
    expect(done.flash).toMatch(/mot de passe a été modifié/);
    const updated = db.select().from(users).where(eq(users.id, person.id)).get()!;
    expect(await verifyPassword(updated.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(db.select({ n: count() }).from(sessions).where(eq(sessions.userId, person.id)).get()!.n).toBe(0);

    const [notice] = (await delivered()).slice(1);
    expect(notice!.to).toBe(person.email);
    expect(notice!.subject).toContain("Votre mot de passe a été modifié");

    const again = await get(resetLink.loader, `/mot-de-passe-oublie/${token}`, null, { token });
    expect(again.status).toBe(404);
    expect((again.data as { dead: string }).dead).toMatch(/déjà servi/);
    const reused = await post(resetLink.action, `/mot-de-passe-oublie/${token}`, null, { password: "encore une autre phrase" }, { token });
    expect(reused.status).toBe(404);
    expect(await verifyPassword(db.select().from(users).where(eq(users.id, person.id)).get()!.passwordHash, NEW_PASSWORD)).toBe(true);
  });

  it("answers the same page for an unknown address, and sends nothing", async () => {
    const person = await createTestUser(db);
    const mails = mailCount();
    const tokens = tokenCount();
    const known = await post(forgot.action, "/mot-de-passe-oublie", null, { email: person.email });
    const unknown = await post(forgot.action, "/mot-de-passe-oublie", null, { email: "personne-inconnue@exemple.fr" });
    expect(unknown.status).toBe(known.status);
    expect({ ...sentPage(unknown), email: "" }).toEqual({ ...sentPage(known), email: "" });
    expect(mailCount()).toBe(mails + 1);
    expect(tokenCount()).toBe(tokens + 1);
    expect((await delivered()).map((m) => m.to)).toEqual([person.email]);
  });

  it("keeps a link one hour, then refuses it", async () => {
    const person = await createTestUser(db);
    // In the past, so its mail is due now.
    const t0 = new Date(Date.now() - 3 * 60 * MINUTE);
    requestPasswordReset(db, person.email, t0);
    const token = linkToken((await delivered())[0]!, "/mot-de-passe-oublie");
    expect(checkResetToken(db, token, new Date(t0.getTime() + 59 * MINUTE)).ok).toBe(true);
    const late = new Date(t0.getTime() + 61 * MINUTE);
    expect(checkResetToken(db, token, late)).toMatchObject({ ok: false, status: 404, message: expect.stringMatching(/expiré/) });
    expect(resetPassword(db, token, "x", late).ok).toBe(false);
  });

  it("kills the older link when a newer one is asked", async () => {
    const person = await createTestUser(db);
    const now = new Date(Date.now() - 10 * MINUTE);
    requestPasswordReset(db, person.email, now);
    requestPasswordReset(db, person.email, new Date(now.getTime() + MINUTE));
    const [first, second] = (await delivered()).map((m) => linkToken(m, "/mot-de-passe-oublie"));
    const later = new Date(now.getTime() + 2 * MINUTE);
    expect(checkResetToken(db, first!, later).ok).toBe(false);
    expect(checkResetToken(db, second!, later).ok).toBe(true);
  });

  it(`sends at most ${MAX_TOKENS_PER_HOUR} links an hour to one account`, async () => {
    const person = await createTestUser(db);
    const now = new Date(Date.now() - 10 * MINUTE);
    for (let i = 0; i < MAX_TOKENS_PER_HOUR + 2; i++) requestPasswordReset(db, person.email, new Date(now.getTime() + i * 1000));
    expect(await delivered()).toHaveLength(MAX_TOKENS_PER_HOUR);
  });

  it("refuses a new password of the common list at its field, and keeps the link alive", async () => {
    const person = await createTestUser(db);
    requestPasswordReset(db, person.email, new Date());
    const token = linkToken((await delivered())[0]!, "/mot-de-passe-oublie");
    const weak = await post(resetLink.action, `/mot-de-passe-oublie/${token}`, null, { password: "azertyuiop123" }, { token });
    expect(weak.status).toBe(400);
    expect(fieldErrors(weak).password?.join(" ")).toMatch(/plus courants/);
    const short = await post(resetLink.action, `/mot-de-passe-oublie/${token}`, null, { password: "court" }, { token });
    expect(fieldErrors(short).password?.join(" ")).toMatch(/au moins 12 caractères/);
    expect(checkResetToken(db, token, new Date()).ok).toBe(true);
  });

  it("shows a French page for a mistyped link, never a 500", async () => {
    for (const token of ["abc", "x".repeat(300), "A".repeat(43)]) {
      const page = await get(resetLink.loader, `/mot-de-passe-oublie/${token}`, null, { token });
      expect(page.status).toBe(404);
      expect((page.data as { dead: string }).dead).toMatch(/n'est pas valable/);
    }
  });
});

describe("sign-up confirmed by its address", () => {
  const form = (email: string) => ({ email, displayName: "Lou Nouvelle", password: "une phrase assez longue pour être sûre", commune: "Matha", communeCode: "", roles: ["porteur", "benevole"] });

  it("answers the same page for a new and an existing address; the owner is told, no account is made", async () => {
    const owner = await createTestUser(db);
    const users0 = userCount();
    const fresh = await post(inscription.action, "/inscription", null, form("lou.nouvelle@exemple.fr"));
    const taken = await post(inscription.action, "/inscription", null, form(owner.email));
    expect(fresh.status).toBe(200);
    expect(taken.status).toBe(200);
    expect({ ...sentPage(taken), email: "" }).toEqual({ ...sentPage(fresh), email: "" });
    expect(userCount()).toBe(users0);

    const mails = await delivered();
    const toOwner = mails.find((m) => m.to === owner.email)!;
    expect(toOwner.subject).toContain("Quelqu'un a voulu créer un compte avec votre adresse");
    expect(toOwner.text).toContain("http://localhost:3000/connexion");
    expect(toOwner.text).toContain("http://localhost:3000/mot-de-passe-oublie");
    expect(toOwner.text).not.toMatch(/\/inscription\//);
    expect(mails.find((m) => m.to === "lou.nouvelle@exemple.fr")!.subject).toContain("Confirmez votre adresse");
  });

  it("refuses « Na\u202Edia\u0001 » as a display name at its field, in French, keeps what was typed, and stores and sends nothing", async () => {
    const mails0 = mailCount();
    const tokens0 = tokenCount();
    const users0 = userCount();
    const refused = await post(inscription.action, "/inscription", null, { ...form("nadia.retournee@exemple.fr"), displayName: "Na\u202Edia\u0001" });
    expect(refused.status).toBe(400);
    expect(fieldErrors(refused).displayName).toEqual(["Ce nom contient des caractères de contrôle de direction (U+202E) : retirez-les."]);
    expect(initialValue(refused).email).toBe("nadia.retournee@exemple.fr");
    expect([mailCount(), tokenCount(), userCount()]).toEqual([mails0, tokens0, users0]);
  });

  it("refuses a password zxcvbn finds easy to guess (sixteen spaces, a keyboard row, the person's name) at its field, saying why in French, and stores and sends nothing", async () => {
    const counts = () => [mailCount(), tokenCount(), userCount()];
    const before = counts();
    for (const [password, why] of [
      [" ".repeat(16), "il répète le même caractère"],
      ["qsdfghjklmazerty", "il suit une rangée de touches du clavier"],
      ["LouNouvelle2026", "il reprend votre nom ou votre adresse e-mail"],
    ] as const) {
      const refused = await post(inscription.action, "/inscription", null, { ...form("lou.faible@exemple.fr"), password });
      expect(refused.status, password).toBe(400);
      expect(fieldErrors(refused).password).toEqual([
        `Ce mot de passe serait trop facile à deviner : ${why}. Ajoutez un ou deux mots inattendus, ou choisissez une phrase de plusieurs mots que vous seul connaissez.`,
      ]);
      expect(initialValue(refused).password).toBeUndefined();
    }
    expect(counts()).toEqual(before);
  });

  it("creates the account once, when its link is opened, and opens the session", async () => {
    const email = "camille.confirme@exemple.fr";
    await post(inscription.action, "/inscription", null, form(email));
    expect(db.select().from(users).where(eq(users.email, email)).get()).toBeUndefined();
    const token = linkToken((await delivered())[0]!, "/inscription");
    expect(wholeDatabase()).not.toContain(token);

    const page = await get(signUpLink.loader, `/inscription/${token}`, null, { token });
    expect(page.data).toEqual({ email, refusal: null });
    const confirmed = await post(signUpLink.action, `/inscription/${token}`, null, {}, { token });
    expect(confirmed.status).toBe(302);
    expect(confirmed.location).toBe("/espace");
    expect(confirmed.flash).toBe("Bienvenue sur Maillon ! Votre compte est créé.");
    const user = db.select().from(users).where(eq(users.email, email)).get()!;
    expect(user.displayName).toBe("Lou Nouvelle");
    expect(user.communeCode).toBe("17224");
    expect(db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, user.id)).all().map((r) => r.role).sort()).toEqual(["benevole", "porteur"]);
    expect(await verifyPassword(user.passwordHash, "une phrase assez longue pour être sûre")).toBe(true);
    expect(db.select({ n: count() }).from(sessions).where(eq(sessions.userId, user.id)).get()!.n).toBe(1);

    const twice = await post(signUpLink.action, `/inscription/${token}`, null, {}, { token });
    expect(twice.status).toBe(404);
    expect(db.select({ n: count() }).from(users).where(eq(users.email, email)).get()!.n).toBe(1);
  });

  it("says so, and links to sign in, when the address got an account in the meantime", async () => {
    const email = "deux.fois@exemple.fr";
    await post(inscription.action, "/inscription", null, form(email));
    const token = linkToken((await delivered())[0]!, "/inscription");
    await createTestUser(db, { email });
    const page = await get(signUpLink.loader, `/inscription/${token}`, null, { token });
    expect(page.status).toBe(409);
    expect(page.data).toMatchObject({ refusal: { taken: true, message: expect.stringMatching(/entre-temps/) } });
    expect(confirmSignUp(db, token, new Date())).toMatchObject({ ok: false, status: 409 });
  });
});

describe("address change from /compte", () => {
  it("sends a link to the new address and a notice to the old one; the link moves the account", async () => {
    const person = await createTestUser(db);
    const wrong = await post(compte.action, "/compte", person.id, { intent: "email", newEmail: "ailleurs@exemple.fr", currentPassword: "pas le bon" });
    expect(wrong.status).toBe(400);
    expect(fieldErrors(wrong).currentPassword).toEqual(["Mot de passe actuel incorrect."]);

    const asked = await post(compte.action, "/compte", person.id, { intent: "email", newEmail: "Ailleurs@Exemple.fr", currentPassword: TEST_PASSWORD });
    expect(asked.status).toBe(302);
    const account = await get(compte.loader, "/compte", person.id);
    expect((account.data as { pendingEmail: { email: string } }).pendingEmail.email).toBe("ailleurs@exemple.fr");

    const mails = await delivered();
    expect(mails.find((m) => m.to === person.email)!.text).toContain("ailleurs@exemple.fr");
    const token = linkToken(mails.find((m) => m.to === "ailleurs@exemple.fr")!, "/compte/adresse");
    const moved = await post(addressLink.action, `/compte/adresse/${token}`, person.id, {}, { token });
    expect(moved.status).toBe(302);
    expect(moved.location).toBe("/compte");
    expect(db.select().from(users).where(eq(users.id, person.id)).get()!.email).toBe("ailleurs@exemple.fr");
    expect((await post(addressLink.action, `/compte/adresse/${token}`, person.id, {}, { token })).status).toBe(404);
  });

  it("refuses kindly when the new address got an account by then", async () => {
    const person = await createTestUser(db);
    await post(compte.action, "/compte", person.id, { intent: "email", newEmail: "prise@exemple.fr", currentPassword: TEST_PASSWORD });
    const token = linkToken((await delivered()).find((m) => m.to === "prise@exemple.fr")!, "/compte/adresse");
    await createTestUser(db, { email: "prise@exemple.fr" });
    const refused = await post(addressLink.action, `/compte/adresse/${token}`, null, {}, { token });
    expect(refused.status).toBe(409);
    expect((refused.data as { refusal: string }).refusal).toMatch(/déjà celle d'un autre compte/);
    expect(db.select().from(users).where(eq(users.id, person.id)).get()!.email).toBe(person.email);
  });
});

describe("mail in the language the person reads Maillon in", () => {
  it("a member who switched to English gets their password-reset link in English; French stays the default", async () => {
    const english = await createTestUser(db);
    const french = await createTestUser(db);
    const switched = await post(langue.action, "/langue", english.id, { lang: "en", back: "/" });
    expect(switched.status).toBe(303);
    expect(db.select({ locale: users.locale }).from(users).where(eq(users.id, english.id)).get()!.locale).toBe("en");

    await post(forgot.action, "/mot-de-passe-oublie", null, { email: english.email });
    await post(forgot.action, "/mot-de-passe-oublie", null, { email: french.email });
    const mails = await delivered();
    const inEnglish = mails.find((m) => m.to === english.email)!;
    expect(inEnglish.subject).toBe("[Maillon] Choose a new password");
    expect(inEnglish.text).toMatch(/^Hello /);
    expect(inEnglish.text).toContain("This link is valid for one hour and works only once.");
    expect(inEnglish.text).toContain("You receive this message because a new password was requested for this address on Maillon.");
    expect(inEnglish.text).not.toMatch(/Bonjour|Vous recevez/);
    expect(inEnglish.html).toContain('<html lang="en">');
    const inFrench = mails.find((m) => m.to === french.email)!;
    expect(inFrench.subject).toBe("[Maillon] Choisir un nouveau mot de passe");
    expect(inFrench.text).toMatch(/^Bonjour /);
  });

  it("a sign-up from an English page gets its confirmation link in English, and the account it opens keeps English", async () => {
    const email = "ellis.newcomer@exemple.fr";
    const asked = await postInLanguage("en-GB,en;q=0.9", inscription.action, "/inscription", null, {
      email,
      displayName: "Ellis Newcomer",
      password: "a long enough sentence to be safe",
      commune: "Matha",
      communeCode: "",
      roles: ["benevole"],
    });
    expect(asked.status).toBe(200);
    const mail = (await delivered()).find((m) => m.to === email)!;
    expect(mail.subject).toBe("[Maillon] Confirm your address to create your account");
    expect(mail.text).toContain("Confirm my address: http");
    const opened = confirmSignUp(db, linkToken(mail, "/inscription"), new Date());
    expect(opened.ok).toBe(true);
    expect(db.select({ locale: users.locale }).from(users).where(eq(users.email, email)).get()!.locale).toBe("en");
  });
});
