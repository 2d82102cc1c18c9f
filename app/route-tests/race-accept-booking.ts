/**
 * One contender in the booking race (see resources.test.ts): opens its own connection to the shared
 * SQLite file, says "ready", waits for "go" on stdin, then accepts the booking as the owner and
 * prints the outcome as JSON.
 * Usage: node --import tsx race-accept-booking.ts <db file> <booking id> <owner id>
 */
import { answerBooking } from "~/models/resource-booking.server";
import { openDatabase } from "~/utils/db.server";

const [file, bookingId, ownerId] = process.argv.slice(2);
const db = openDatabase(file!);
process.stdout.write("ready\n");
process.stdin.once("data", () => {
  const owner = { userId: Number(ownerId), roles: ["porteur" as const], staffTerritoryIds: [] };
  const outcome = answerBooking(db, owner, Number(bookingId), { accept: true, reply: "" }, new Date());
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
  db.$client.close();
  process.exit(0);
});
