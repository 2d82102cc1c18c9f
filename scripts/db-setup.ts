/**
 * `npm run db:setup`, run by `npm start`: opening the database applies the
 * migrations and loads the reference data; an empty database then gets the demo.
 */
import { getDb } from "~/utils/db.server";
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
    console.log(describeSeedOutcome(await seedDemoIfEmpty(db)));
  } finally {
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
