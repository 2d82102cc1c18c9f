/**
 * A real SMTP server for the tests (the `smtp-server` package), on a free port of 127.0.0.1. It keeps
 * every message it accepts, parsed, so a test reads what Maillon actually sent. `reject` makes it
 * refuse the next messages with a 4xx, as a busy server would.
 */
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Map<string, string>;
  raw: string;
};

export type TestSmtpServer = {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Refuse the next `n` messages (temporary failure). */
  reject(n: number): void;
  /** Resolves when `count` messages have arrived in all. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
};

function headerText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "text" in value) return String((value as { text: unknown }).text);
  return String(value ?? "");
}

function toReceived(parsed: ParsedMail, raw: string): ReceivedMail {
  // The raw header lines: mailparser folds List-* headers into one structured entry.
  const headers = new Map<string, string>();
  for (const { key, line } of parsed.headerLines) headers.set(key.toLowerCase(), line.slice(line.indexOf(":") + 1).replace(/\r?\n\s+/g, " ").trim());
  return {
    messageId: parsed.messageId ?? "",
    to: headerText(parsed.to),
    subject: parsed.subject ?? "",
    text: parsed.text ?? "",
    html: typeof parsed.html === "string" ? parsed.html : "",
    headers,
    raw,
  };
}

/** `port` 0 takes a free one; `onMessage` sees each accepted message as it arrives. */
export async function startTestSmtpServer(options: { port?: number; onMessage?: (mail: ReceivedMail) => void } = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  let rejectCount = 0;
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (rejectCount > 0) {
          rejectCount -= 1;
          const error = Object.assign(new Error("Essayez plus tard"), { responseCode: 451 });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw)
          .then((parsed) => {
            const mail = toReceived(parsed, raw);
            received.push(mail);
            options.onMessage?.(mail);
            callback();
            for (const w of waiters.splice(0)) w();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    reject(n) {
      rejectCount = n;
    },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`${received.length} message(s) reçu(s), ${count} attendu(s)`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
