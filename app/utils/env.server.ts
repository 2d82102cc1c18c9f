import { z } from "zod";

const booleanFlag = z
  .enum(["0", "1", "true", "false"])
  .transform((value) => value === "1" || value === "true");

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
});

export type Env = z.infer<typeof envSchema> & { COOKIE_SECURE: boolean; COOKIE_SECRET: string };

function randomSecret(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
}

/** Parses the environment; throws an Error whose message names each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  - ${issue.path.join(".")}: ${issue.message}`,
    );
    throw new Error(`Invalid environment variables:\n${lines.join("\n")}`);
  }
  const env = result.data;
  return {
    ...env,
    COOKIE_SECURE: env.COOKIE_SECURE ?? env.NODE_ENV === "production",
    COOKIE_SECRET: env.COOKIE_SECRET ?? randomSecret(),
  };
}

let cached: Env | undefined;

/** The validated environment, read once. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
