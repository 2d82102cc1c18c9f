/**
 * One contender in the capacity race (see capacity-race.test.ts): opens its own
 * connection to the shared SQLite file, says "ready", waits for "go" on stdin,
 * then accepts the request and prints the outcome as JSON.
 * Usage: node --import tsx race-accept.ts <db file> <mentorship id> <user id>
 */
import { respondToRequest } from "~/models/mentorship.server";
import { openDatabase } from "~/utils/db.server";

const [file, mentorshipId, userId] = process.argv.slice(2);
const db = openDatabase(file!);
process.stdout.write("ready\n");
process.stdin.once("data", () => {
  const outcome = respondToRequest(db, Number(mentorshipId), Number(userId), "accepter", "", new Date());
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
  db.$client.close();
  process.exit(0);
});
