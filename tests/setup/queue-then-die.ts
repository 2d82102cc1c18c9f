/**
 * Run as a child process by the mail queue's test: opens the database named on the command line,
 * queues `count` messages in one committed transaction, optionally claims one for sending as a worker
 * would, then dies with SIGKILL before anything is sent — as a server killed at the worst moment.
 */
import { outgoingMails } from "#db/schema";
import { eq } from "drizzle-orm";
import { queueMail } from "~/models/mail-queue.server";
import { openDatabase, writeTransaction } from "~/utils/db.server";

const [file, countArg, claimArg] = process.argv.slice(2);
const db = openDatabase(file!);
const now = new Date();
const ids = writeTransaction(db, (tx) =>
  Array.from({ length: Number(countArg) }, (_, i) =>
    queueMail(
      tx,
      { to: `tue-${i}@exemple.fr`, userId: null, kind: "vie-club", subject: `Message ${i}`, text: "Texte", html: "<p>Texte</p>", domain: "maillon.test" },
      now,
    ),
  ),
);
if (claimArg === "claim") {
  // A worker took the first message and was killed while talking to the SMTP server.
  db.update(outgoingMails)
    .set({ status: "sending", attempts: 1, lockedUntil: new Date(now.getTime() + 120_000) })
    .where(eq(outgoingMails.id, ids[0]!.id))
    .run();
}
process.stdout.write(JSON.stringify(ids.map((m) => m.messageId)));
process.kill(process.pid, "SIGKILL");
