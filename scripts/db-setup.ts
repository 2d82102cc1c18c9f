/**
 * `npm run db:setup`, run by `npm start`: what `npm run db:migrate` does
 * (migrations and reference data), then the demo when the database is empty.
 */
import { getEnv } from "~/utils/env.server";
import { describeSeedOutcome, seedDemoIfEmpty } from "../seeds/seed";
import { describeMigration, openMigratedDatabase } from "./migrate";

async function main(): Promise<void> {
  const env = getEnv();
  const { db, report } = openMigratedDatabase(env.DATABASE_URL);
  try {
    console.log(describeMigration(report));
    if (env.DEMO_SEED) console.log(describeSeedOutcome(await seedDemoIfEmpty(db)));
    else console.log("DEMO_SEED=0 : pas de données de démonstration.");
  } finally {
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
