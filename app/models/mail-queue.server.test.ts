/**
 * The e-mail queue against a real SMTP server started by the test and a real SQLite file: what is
 * queued in a transaction goes out only if it commits, survives a killed process, is never sent twice
 * once acknowledged, and is retried, then given up on after 5 failures.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outgoingMails } from "#db/schema";
import { TEST_UNSUBSCRIBE_URL, useSmtpMailbox } from "#tests/setup/smtp-mailbox";
import { writeTransaction } from "~/utils/db.server";
import { MAX_ATTEMPTS, queueMail, retryFailedMail, type NewMail } from "./mail-queue.server";

const box = useSmtpMailbox({ emptyQueue: true });
const unsubscribeUrl = TEST_UNSUBSCRIBE_URL;

const mail = (overrides: Partial<NewMail> = {}): NewMail => ({
  to: "nadia@exemple.fr",
  userId: null,
  kind: "demande-accompagnement",
  subject: "[PTCE des Vals de Saintonge] Une demande d'accompagnement",
  text: "Bonjour Nadia,\n\nUne demande vous attend.",
  html: "<p>Bonjour Nadia,</p><p>Une demande vous attend.</p>",
  domain: "maillon.test",
  ...overrides,
});

const deliver = (now = new Date()) => box.deliver(now);

describe("the mail queue", () => {
  it("queues nothing for a change that rolls back", () => {
    expect(() =>
      writeTransaction(box.db, (tx) => {
        queueMail(tx, mail(), new Date());
        throw new Error("the change fails after queuing its mail");
      }),
    ).toThrow();
    expect(box.db.select().from(outgoingMails).all()).toEqual([]);
  });

  it("sends what was queued, with the unsubscribe headers of RFC 8058 except on security messages", async () => {
    const queued = writeTransaction(box.db, (tx) => [queueMail(tx, mail(), new Date()), queueMail(tx, mail({ kind: "securite", subject: "Votre mot de passe" }), new Date())]);
    expect(await deliver()).toEqual({ sent: 2, failed: 0 });
    const [request, security] = await box.smtp.waitFor(2);
    expect(request!.messageId).toBe(queued[0]!.messageId);
    expect(request!.subject).toBe("[PTCE des Vals de Saintonge] Une demande d'accompagnement");
    expect(request!.text).toContain("Une demande vous attend.");
    expect(request!.html).toContain("<p>Une demande vous attend.</p>");
    expect(request!.headers.get("list-unsubscribe")).toBe(`<${unsubscribeUrl(queued[0]!.unsubscribeToken!)}>`);
    expect(request!.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(security!.headers.has("list-unsubscribe")).toBe(false);
    expect(box.db.select({ status: outgoingMails.status }).from(outgoingMails).all()).toEqual([{ status: "sent" }, { status: "sent" }]);
  });

  it("never sends again a message the SMTP server acknowledged (same Message-ID once)", async () => {
    writeTransaction(box.db, (tx) => queueMail(tx, mail(), new Date()));
    await deliver();
    await deliver();
    await deliver(new Date(Date.now() + 86_400_000));
    await box.smtp.waitFor(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(new Set(box.smtp.received.map((m) => m.messageId)).size).toBe(box.smtp.received.length);
    expect(box.smtp.received).toHaveLength(1);
  });

  it("retries a refused message with back-off, and gives up after 5 failures, kept for the admin", async () => {
    const { id } = writeTransaction(box.db, (tx) => queueMail(tx, mail(), new Date()));
    box.smtp.reject(MAX_ATTEMPTS);
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await deliver(now)).toEqual({ sent: 0, failed: 1 });
      // Not retried at once: the next try waits.
      expect(await deliver(now)).toEqual({ sent: 0, failed: 0 });
      now = new Date(now.getTime() + 61 * 60_000);
    }
    const row = box.db.select().from(outgoingMails).where(eq(outgoingMails.id, id)).get()!;
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(row.lastError).toMatch(/451/);
    expect(await deliver(now)).toEqual({ sent: 0, failed: 0 });
    // Sent again by hand once the server is back.
    expect(retryFailedMail(box.db, id, now)).toBe(true);
    expect(await deliver(now)).toEqual({ sent: 1, failed: 0 });
    expect(box.smtp.received).toHaveLength(1);
  });

  it("delivers every message queued by a process killed after its commit, and the one it was sending", async () => {
    const run = (claim: boolean) =>
      spawnSync(path.resolve("node_modules/.bin/tsx"), ["tests/setup/queue-then-die.ts", box.db.$client.name, "3", claim ? "claim" : ""], {
        encoding: "utf8",
        env: { ...process.env, MAIL_WORKER: "0" },
      });
    // tsx runs the script in a child node: its SIGKILL comes back as 128 + 9.
    const killed = (r: ReturnType<typeof run>) => r.signal === "SIGKILL" || r.status === 137;
    const first = run(false);
    expect(killed(first), first.stderr).toBe(true);
    const second = run(true);
    expect(killed(second), second.stderr).toBe(true);
    const ids = [...JSON.parse(first.stdout), ...JSON.parse(second.stdout)] as string[];
    expect(box.db.select().from(outgoingMails).where(inArray(outgoingMails.messageId, ids)).all()).toHaveLength(6);

    // The restarted server's worker: five at once; the one the dead worker held, when its claim lapses.
    expect(await deliver()).toEqual({ sent: 5, failed: 0 });
    expect(await deliver(new Date(Date.now() + 3 * 60_000))).toEqual({ sent: 1, failed: 0 });
    await box.smtp.waitFor(6);
    expect(box.smtp.received.map((m) => m.messageId).sort()).toEqual([...ids].sort());
  });
});
