/**
 * `npm run db:setup`, run by `npm start`: opening the database applies the
 * migrations and loads the reference data; an empty database then gets the demo.
 */
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { describeSeedOutcome, seedDemoIfEmpty } from "../seeds/seed";

async function main(): Promise<void> {
  const started = performance.now();
  const db = getDb();
  try {
    console.log(
      `Base de données prête (migrations et référentiels) en ${Math.round(
        performance.now() - started,
      )} ms.`,
    );
    if (getEnv().DEMO_SEED) console.log(describeSeedOutcome(await seedDemoIfEmpty(db)));
    else console.log("DEMO_SEED=0 : pas de données de démonstration.");
  } finally {
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
