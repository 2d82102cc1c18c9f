/**
 * Sending one e-mail: through SMTP when SMTP_URL is set (nodemailer upgrades to STARTTLS when the
 * server offers it), otherwise as an RFC 5322 .eml file in OUTBOX_DIR, so the demo needs no server
 * and a person can open what Maillon sent. The queue (app/models/mail-queue.server.ts) decides when.
 */
import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import { getEnv } from "./env.server";

export type MailToSend = {
  /** `<…@…>`, fixed when the message was queued: a retry sends the same message. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
};

export type MailTransport = {
  send(mail: MailToSend): Promise<void>;
  /** Where mail goes, for people: « le dossier data/outbox » or « smtp.exemple.fr ». */
  describe(): string;
  close(): void;
};

function toNodemailer(mail: MailToSend, from: string) {
  return { from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: mail.messageId, headers: mail.headers };
}

export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transporter.sendMail(toNodemailer(mail, from));
    },
    describe: () => new URL(url).hostname,
    close: () => transporter.close(),
  };
}

/** A file name people can sort by time: `2026-12-01T08-30-00-000Z-<message id>.eml`. */
function emlName(mail: MailToSend, now: Date): string {
  const id = mail.messageId.replace(/[<>]/g, "").replace(/[^A-Za-z0-9._-]/g, "_");
  return `${now.toISOString().replace(/[:.]/g, "-")}-${id}.eml`;
}

export function outboxTransport(dir: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    async send(mail) {
      const info = await transporter.sendMail(toNodemailer(mail, from));
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, emlName(mail, new Date()));
      // Written whole under a temporary name, then renamed: a reader never sees half a message.
      fs.writeFileSync(`${file}.part`, info.message as Buffer);
      fs.renameSync(`${file}.part`, file);
    },
    describe: () => `le dossier ${dir}`,
    close: () => transporter.close(),
  };
}

let transport: MailTransport | undefined;

/** The process's transport, from the environment. */
export function mailTransport(): MailTransport {
  if (!transport) {
    const env = getEnv();
    transport = env.SMTP_URL ? smtpTransport(env.SMTP_URL, env.MAIL_FROM) : outboxTransport(env.OUTBOX_DIR, env.MAIL_FROM);
  }
  return transport;
}

/** An absolute link for a mail, from a path of this site. */
export function publicUrl(pathname: string): string {
  return new URL(pathname, getEnv().PUBLIC_URL).toString();
}

/** The domain Message-IDs are made in: the sender's. */
export function messageIdDomain(): string {
  const from = getEnv().MAIL_FROM;
  return /@([^>\s]+)/.exec(from)?.[1] ?? "maillon.localhost";
}

/** Where mail is written when it goes to the outbox (« le dossier … »), for the demo's pages; null with SMTP. */
export function outboxDescription(): string | null {
  return getEnv().SMTP_URL ? null : mailTransport().describe();
}
