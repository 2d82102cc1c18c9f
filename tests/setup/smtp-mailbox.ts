/**
 * For a vitest file that reads the mail it causes: a real SMTP server for the file, a transport to it,
 * and `deliver(now)` that runs the queue as the server's worker would. Each test starts with an empty
 * mailbox (and, with `emptyQueue`, an empty queue).
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { outgoingMails } from "#db/schema";
import { deliverDueMails, type DeliveryReport } from "~/models/mail-queue.server";
import { getDb, type Db } from "~/utils/db.server";
import { smtpTransport, type MailTransport } from "~/utils/mail.server";
import { startTestSmtpServer, type TestSmtpServer } from "./smtp-test-server";

export const TEST_UNSUBSCRIBE_URL = (token: string) => `http://localhost:3000/desabonnement/${token}`;

export type SmtpMailbox = {
  db: Db;
  smtp: TestSmtpServer;
  transport: MailTransport;
  deliver(now?: Date): Promise<DeliveryReport>;
};

export function useSmtpMailbox(options: { emptyQueue?: boolean } = {}): SmtpMailbox {
  const box = {} as SmtpMailbox;
  beforeAll(async () => {
    box.db = getDb();
    box.smtp = await startTestSmtpServer();
    box.transport = smtpTransport(box.smtp.url, "Maillon <ne-pas-repondre@maillon.test>");
    box.deliver = (now = new Date()) => deliverDueMails(box.db, box.transport, { now: () => now, unsubscribeUrl: TEST_UNSUBSCRIBE_URL });
  });
  afterAll(async () => {
    box.transport.close();
    await box.smtp.close();
  });
  beforeEach(() => {
    if (options.emptyQueue) box.db.delete(outgoingMails).run();
    box.smtp.received.length = 0;
  });
  return box;
}
