/**
 * `npm run db:seed`: fills an empty database with the demo (two pôles, about
 * a hundred people). A database that already has accounts is left untouched.
 */
import { settleSeededHistory } from "~/models/notification.server";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { count } from "drizzle-orm";
import { users } from "#db/schema";
import { getDb, type Db } from "~/utils/db.server";
import { DEMO_PASSWORD, seedDemo, type DemoCounts } from "./demo";

export type SeedOutcome =
  | { seeded: false }
  | { seeded: true; counts: DemoCounts; elapsedMs: number };

function hasUsers(db: Db): boolean {
  return (db.select({ n: count() }).from(users).get()?.n ?? 0) > 0;
}

/** Seeds the demo unless someone already has an account (so real data is never mixed with it). */
export async function seedDemoIfEmpty(db: Db, now: Date = new Date()): Promise<SeedOutcome> {
  if (hasUsers(db)) return { seeded: false };
  const started = performance.now();
  const counts = await seedDemo(db, now);
  settleSeededHistory(db, now);
  return { seeded: true, counts, elapsedMs: Math.round(performance.now() - started) };
}

/** What the operator reads in the terminal. */
export function describeSeedOutcome(outcome: SeedOutcome): string {
  if (!outcome.seeded) return "Base déjà remplie (des comptes existent) : rien n'a été fait.";
  const c = outcome.counts;
  return [
    `Démo créée en ${outcome.elapsedMs} ms :`,
    `  ${c.territories} pôles, ${c.users} comptes`,
    `  ${c.porteurs} porteurs de projet, ${c.benevoles} bénévoles, ${c.epargnants} épargnants,`,
    `  ${c.animateurs} animateurs, ${c.admins} administrateur(s)`,
    `  mot de passe commun des comptes de démo : ${DEMO_PASSWORD}`,
  ].join("\n");
}

async function main(): Promise<void> {
  const db = getDb();
  try {
    console.log(describeSeedOutcome(await seedDemoIfEmpty(db)));
  } finally {
    db.$client.close();
  }
}

// Run only as a script: scripts/db-setup.ts imports this module for seedDemoIfEmpty.
const isMain =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
