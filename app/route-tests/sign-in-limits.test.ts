/**
 * The sign-in limits through the real /connexion action, a real SQLite file and a real SMTP server:
 * an attacker cannot lock the owner out from another address, the (account, address) pair and the
 * network address have their own limits, and the owner is told by mail.
 */
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions } from "#db/schema";
import { createTestUser, TEST_PASSWORD } from "#seeds/factories";
import { useSmtpMailbox } from "#tests/setup/smtp-mailbox";
import { MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_PAIR, reserveSignInAttempt, signInSucceeded } from "~/models/sign-in-failure.server";
import * as connexion from "~/routes/connexion";
import { post, type Called } from "./helpers";

const box = useSmtpMailbox();
const WRONG = "Adresse e-mail ou mot de passe incorrect.";

function signIn(email: string, password: string, from: string): Promise<Called> {
  return post(connexion.action, "/connexion", null, { email, password }, {}, from);
}

/** The message the form shows above its fields. */
const messageOf = (called: Called) => (called.data as { message: string | null }).message;

const sessionsOf = (userId: number) => box.db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId)).get()!.n;

describe("sign-in limits", () => {
  it("an attacker failing from one address is refused there after 5, and cannot lock the owner out from elsewhere; the owner is mailed once", async () => {
    const owner = await createTestUser(box.db, { email: "owner.sieged@exemple.fr" });
    const HOME = "198.51.100.10";
    const ATTACKER = "203.0.113.50";
    expect((await signIn(owner.email, TEST_PASSWORD, HOME)).status).toBe(302);
    const sessions0 = sessionsOf(owner.id);

    for (let i = 1; i <= MAX_FAILURES_PER_PAIR; i++) {
      const failed = await signIn(owner.email, `mauvais-mot-de-passe-${i}`, ATTACKER);
      expect(failed.status, `attempt ${i}`).toBe(400);
      expect(messageOf(failed)).toBe(WRONG);
    }
    // Even the right password is refused from that address now, without being checked.
    const refused = await signIn(owner.email, TEST_PASSWORD, ATTACKER);
    expect(refused.status).toBe(429);
    expect(messageOf(refused)).toBe(
      "Trop de tentatives pour ce compte depuis votre connexion : réessayez dans 15 minutes, ou choisissez un nouveau mot de passe par « Mot de passe oublié ? ».",
    );
    expect(Number(refused.headers?.get("Retry-After"))).toBeGreaterThan(800);
    expect(sessionsOf(owner.id)).toBe(sessions0);

    // The owner, from home: in at once.
    const home = await signIn(owner.email, TEST_PASSWORD, HOME);
    expect(home.status).toBe(302);
    expect(home.location).toBe("/espace");
    expect(sessionsOf(owner.id)).toBe(sessions0 + 1);

    // The owner from an address never used: at most the delay it is told (1 s after 5 failures), then in.
    let away = await signIn(owner.email, TEST_PASSWORD, "198.51.100.99");
    if (away.status === 429) {
      expect(messageOf(away)).toBe("Trop de tentatives : réessayez dans 1 seconde.");
      expect(away.headers?.get("Retry-After")).toBe("1");
      await new Promise((resolve) => setTimeout(resolve, 1000));
      away = await signIn(owner.email, TEST_PASSWORD, "198.51.100.99");
    }
    expect(away.status).toBe(302);

    await box.deliver();
    const told = box.smtp.received.filter((m) => m.to === owner.email);
    expect(told.map((m) => m.subject)).toEqual(["[Maillon] Plusieurs tentatives de connexion à votre compte ont échoué"]);
    expect(told[0]!.text).toContain("5 tentatives de connexion à votre compte Maillon ont échoué");
    expect(told[0]!.text).toContain("http://localhost:3000/mot-de-passe-oublie");
  });

  it("slows the owner down from a new address only for the delay it announces, and not at all from a known one", async () => {
    const owner = await createTestUser(box.db, { email: "owner.delayed@exemple.fr" });
    const now = Date.now();
    signInSucceeded(box.db, owner, "198.51.100.20", new Date(now - 3_600_000));
    // Fourteen failures from as many addresses over the last minutes, each as soon as the delay allowed:
    // the last one leaves a delay of 2^9 s = 512 s.
    let at = now - 14 * 60_000;
    for (let i = 0; i < 14; i++) {
      for (;;) {
        const refusal = reserveSignInAttempt(box.db, owner.email, `203.0.113.${100 + i}`, new Date(at), []);
        if (!refusal) break;
        at += refusal.retryAfterSeconds * 1000;
      }
    }
    const waitLeft = Math.ceil((at + 512_000 - Date.now()) / 1000);
    expect(waitLeft).toBeGreaterThan(60);

    const fromNew = await signIn(owner.email, TEST_PASSWORD, "198.51.100.21");
    expect(fromNew.status).toBe(429);
    expect(messageOf(fromNew)).toBe(`Trop de tentatives : réessayez dans ${Math.ceil(waitLeft / 60)} minutes.`);
    const retryAfter = Number(fromNew.headers?.get("Retry-After"));
    expect(Math.abs(retryAfter - waitLeft)).toBeLessThanOrEqual(2);
    expect(reserveSignInAttempt(box.db, owner.email, "198.51.100.21", new Date(Date.now() + retryAfter * 1000), [])).toBeNull();

    expect((await signIn(owner.email, TEST_PASSWORD, "198.51.100.20")).status).toBe(302);
  });

  it(`refuses an address after ${MAX_FAILURES_PER_ADDRESS} failures on any accounts, with Retry-After, and serves every other address`, async () => {
    const owner = await createTestUser(box.db, { email: "owner.neighbour@exemple.fr" });
    const CROWD = "203.0.113.77";
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      expect((await signIn(`inconnu.${i}@exemple.fr`, "n-importe-quoi-123", CROWD)).status, `attempt ${i + 1}`).toBe(400);
    }
    const refused = await signIn(owner.email, TEST_PASSWORD, CROWD);
    expect(refused.status).toBe(429);
    expect(messageOf(refused)).toBe("Trop de tentatives de connexion depuis votre réseau : réessayez dans 15 minutes.");
    expect(Number(refused.headers?.get("Retry-After"))).toBeGreaterThan(800);
    expect((await signIn(owner.email, TEST_PASSWORD, "198.51.100.30")).status).toBe(302);
  });
});
