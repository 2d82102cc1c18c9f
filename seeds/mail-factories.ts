/** Messages of the e-mail queue in a given state, for tests. */
import { eq } from "drizzle-orm";
import { outgoingMails } from "#db/schema";
import { queueMail } from "~/models/mail-queue.server";
import { writeTransaction, type Db } from "~/utils/db.server";

let counter = 0;

/** A queued message; `failed` gives it up after its attempts with that last error, as the worker would. */
export function createTestMail(
  db: Db,
  options: { to?: string; subject?: string; failed?: string } = {}
): number {
  counter += 1;
  const now = new Date();
  const { id } = writeTransaction(db, (tx) =>
    queueMail(
      tx,
      {
        to: options.to ?? `destinataire${counter}@exemple.fr`,
        userId: null,
        kind: null,
        subject: options.subject ?? `Message de test ${counter}`,
        text: "Bonjour.",
        html: "<p>Bonjour.</p>",
        domain: "maillon.test",
      },
      now
    )
  );
  if (options.failed) {
    db.update(outgoingMails)
      .set({ status: "failed", attempts: 5, lastError: options.failed })
      .where(eq(outgoingMails.id, id))
      .run();
  }
  return id;
}
