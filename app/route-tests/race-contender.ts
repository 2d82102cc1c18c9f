/**
 * One contender in the races of the route tests (see contenders.ts): opens its own connection to the
 * shared SQLite file, says "ready", then for each line read on stdin — a JSON command — runs that
 * write through the model and prints its outcome as one JSON line. It stays up for several rounds:
 * starting a process costs seconds on a busy machine, the race itself microseconds.
 * Usage: node --import tsx race-contender.ts <db file>
 */
import readline from "node:readline";
import { registerToEvent } from "~/models/event-registration.server";
import { respondToRequest } from "~/models/mentorship.server";
import { answerBooking } from "~/models/resource-booking.server";
import { openDatabase } from "~/utils/db.server";
import type { RaceCommand } from "./contenders";

const db = openDatabase(process.argv[2]!);

function run(command: RaceCommand): unknown {
  const now = new Date();
  switch (command.action) {
    case "accept-booking":
      return answerBooking(db, { userId: command.ownerId, roles: ["porteur"], staffTerritoryIds: [] }, command.bookingId, { accept: true, reply: "" }, now);
    case "register":
      return registerToEvent(db, { userId: command.userId, roles: ["benevole"], staffTerritoryIds: [] }, command.eventId, now);
    case "accept-mentorship":
      return respondToRequest(db, command.mentorshipId, command.userId, "accepter", "", now);
  }
}

const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => process.stdout.write(`${JSON.stringify(run(JSON.parse(line) as RaceCommand))}\n`));
lines.on("close", () => {
  db.$client.close();
  process.exit(0);
});
process.stdout.write("ready\n");
