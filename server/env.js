// @ts-check
/**
 * The environment, defined and validated once for the whole process: server.js
 * (plain JS run by node, hence this file's form, type-checked via @ts-check)
 * reads its port, host and proxy setting from here, and the app reads the same
 * values through `~/utils/env.server`.
 */
import { isIP } from "node:net";
import { z } from "zod";

const booleanFlag = z
  .enum(["0", "1", "true", "false"])
  .transform((value) => value === "1" || value === "true");

/** A comma-separated list of IP addresses ("" for none). */
const addressList = z
  .string()
  .transform((value) => value.split(",").map((item) => item.trim()).filter(Boolean))
  .refine((items) => items.every((item) => isIP(item) !== 0), "une liste d'adresses IP séparées par des virgules");

/** « 30/60 »: at most 30 in any 60 seconds; « 0 »: no limit (the tests). */
const rateLimit = z
  .string()
  .regex(/^(0|[1-9]\d*\/[1-9]\d*)$/, "« N/S » (N écritures par S secondes) ou 0 pour aucune limite")
  .transform((value) => {
    if (value === "0") return null;
    const [max, seconds] = value.split("/").map(Number);
    return { max: Number(max), windowMs: Number(seconds) * 1000 };
  });

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).default("./data/maillon.db"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** Behind a reverse proxy: trust X-Forwarded-For/-Proto for the client address and scheme. */
  TRUST_PROXY: booleanFlag.default(false),
  /** Cookies marked Secure; defaults to true in production. */
  COOKIE_SECURE: booleanFlag.optional(),
  /**
   * Signs the flash cookie (the message shown once after a redirect). Unset: a random secret per
   * process, so a restart only drops a message not yet shown; set it when several processes serve.
   */
  COOKIE_SECRET: z.string().min(32, "au moins 32 caractères").optional(),
  /** `npm start` fills an empty database with the demo; set to 0 for a real pôle. */
  DEMO_SEED: booleanFlag.default(true),
  /**
   * Client addresses whose sign-in attempts are neither limited nor counted. Only for the
   * end-to-end tests, which send one documentation address (never a real client's); unset, every
   * address is limited.
   */
  SIGN_IN_LIMIT_EXEMPT: addressList.default([]),
  /**
   * Writes (every form an action receives) per signed-in person, « N/S »: N in any S seconds, then
   * 429 until the window allows again; « 0 » lifts the limit (the end-to-end and unit tests).
   */
  RATE_LIMIT_WRITES: rateLimit.default({ max: 30, windowMs: 60_000 }),
  /** The same per client address, for everyone behind it (a higher one: several people share an address). */
  RATE_LIMIT_WRITES_PER_ADDRESS: rateLimit.default({ max: 120, windowMs: 60_000 }),
  /**
   * The site's address as people reach it: the links in e-mails, and the only origin whose writes
   * are accepted (server/security.js). Unset: `http://localhost:<PORT>`.
   */
  PUBLIC_URL: z.string().url("une adresse http(s)://…").regex(/^https?:\/\//i, "une adresse http(s)://…").optional(),
  /** `smtp://user:pass@host:587` (STARTTLS when the server offers it) or `smtps://…:465`; unset, mail goes to OUTBOX_DIR. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "une adresse smtp://… ou smtps://…")
    .optional(),
  /** Where each message is written as an .eml file when SMTP_URL is unset. */
  OUTBOX_DIR: z.string().min(1).default("./data/outbox"),
  /** The sender of every message. */
  MAIL_FROM: z.string().min(3).default("Maillon <ne-pas-repondre@maillon.localhost>"),
  /**
   * Seconds a rendered page may be served again while the database has not changed
   * (server/page-cache.js); 0 renders every request.
   */
  PAGE_CACHE_TTL_S: z.coerce.number().int().min(0).max(3600).default(30),
  /** The server sends the queued mail and the digests; 0 leaves it to another process. */
  MAIL_WORKER: booleanFlag.default(true),
  /**
   * Hours between two backups the server takes of its own database (db.backup(), into BACKUP_DIR);
   * 0 turns them off (tests, or a machine where `npm run db:backup` runs from cron).
   */
  BACKUP_INTERVAL_HOURS: z.coerce.number().min(0, "0 ou un nombre d'heures").default(24),
  /** How many backups are kept (the oldest are deleted past that). */
  BACKUP_KEEP: z.coerce.number().int().min(1, "au moins 1").default(14),
  /** Where backups are written; unset, `backups/` beside the database file. */
  BACKUP_DIR: z.string().min(1).optional(),
  /**
   * The legal notices (/mentions-legales): who publishes the site, who answers for it, who hosts it.
   * Each install sets its own; the defaults describe the demonstration.
   */
  LEGAL_PUBLISHER: z.string().min(2).default("Installation de démonstration de Maillon (éditeur non renseigné)"),
  LEGAL_ADDRESS: z.string().min(2).default("Adresse non renseignée"),
  LEGAL_DIRECTOR: z.string().min(2).default("Non renseigné"),
  LEGAL_CONTACT: z.string().min(3).default("contact@maillon.localhost"),
  LEGAL_HOST: z.string().min(2).default("Hébergeur non renseigné (machine de démonstration)"),
});

/**
 * @typedef {z.infer<typeof envSchema> & {
 *   COOKIE_SECURE: boolean; COOKIE_SECRET: string; PUBLIC_URL: string;
 *   PUBLIC_URL_DEFAULTED: boolean;
 * }} Env
 * `PUBLIC_URL_DEFAULTED`: PUBLIC_URL was not set (a machine of one's own, also reached at 127.0.0.1).
 */

/** @returns {string} */
function randomSecret() {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
}

/**
 * Parses the environment; throws an Error whose message names each bad variable.
 * @param {Record<string, string | undefined>} source
 * @returns {Env}
 */
export function parseEnv(source) {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment variables:\n${lines.join("\n")}`);
  }
  const env = result.data;
  return {
    ...env,
    COOKIE_SECURE: env.COOKIE_SECURE ?? env.NODE_ENV === "production",
    COOKIE_SECRET: env.COOKIE_SECRET ?? randomSecret(),
    PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    PUBLIC_URL_DEFAULTED: env.PUBLIC_URL === undefined,
  };
}

/**
 * Kept on globalThis: in production server.js and the server build are two
 * module graphs, and in development Vite reloads modules; both read this copy.
 */
const globalForEnv = /** @type {{ maillonEnv?: Env }} */ (globalThis);

/**
 * The validated environment, read once per process.
 * @returns {Env}
 */
export function getEnv() {
  globalForEnv.maillonEnv ??= parseEnv(process.env);
  return globalForEnv.maillonEnv;
}
