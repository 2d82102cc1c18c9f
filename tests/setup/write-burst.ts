/**
 * Run as a child process by the backup test: another process writing to the base as fast as it can,
 * one committed transaction per row of `burst_writes`, printing each row's number once its commit has
 * returned (an acknowledged write). It writes until it is killed.
 */
import Database from "better-sqlite3";

const client = new Database(process.argv[2]!, { fileMustExist: true, timeout: 5000 });
client.pragma("journal_mode = WAL");
client.pragma("synchronous = FULL");
const insert = client.prepare("INSERT INTO burst_writes (n, written_at) VALUES (?, ?)");
let n = 0;

function burst(): void {
  // A few commits at a time, then back to the event loop so stdout drains.
  for (let i = 0; i < 20; i++) {
    n += 1;
    insert.run(n, new Date().toISOString());
    process.stdout.write(`${n}\n`);
  }
  setImmediate(burst);
}
burst();
