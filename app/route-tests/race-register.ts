/**
 * One contender in the registration race (see agenda.test.ts): opens its own connection to the shared
 * SQLite file, says "ready", waits for "go" on stdin, then registers the person and prints the outcome.
 * Usage: node --import tsx race-register.ts <db file> <event id> <user id>
 */
import { registerToEvent } from "~/models/event-registration.server";
import { openDatabase } from "~/utils/db.server";

const [file, eventId, userId] = process.argv.slice(2);
const db = openDatabase(file!);
process.stdout.write("ready\n");
process.stdin.once("data", () => {
  const outcome = registerToEvent(db, { userId: Number(userId), roles: ["benevole"], staffTerritoryIds: [] }, Number(eventId), new Date());
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
  db.$client.close();
  process.exit(0);
});
