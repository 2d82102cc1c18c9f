/**
 * `npm run db:backup`: an online copy of the base named by DATABASE_URL into BACKUP_DIR (by default
 * `backups/` beside it), named with the UTC time, keeping the last BACKUP_KEEP. The server may be
 * running and writing meanwhile. The copy is checked (PRAGMA integrity_check) before the command says ok.
 */
import fs from "node:fs";
import Database from "better-sqlite3";
import { backupDatabase, backupDirectory, describeBackup } from "~/utils/backup.server";
import { getEnv } from "~/utils/env.server";

async function main(): Promise<number> {
  const env = getEnv();
  const file = env.DATABASE_URL;
  if (file === ":memory:" || !fs.existsSync(file)) {
    console.error(`Base introuvable : ${file} (DATABASE_URL). Rien à sauvegarder.`);
    return 1;
  }
  // No migration here: a backup copies the base as it is. The server's writes wait at most 5 s on us.
  const client = new Database(file, { fileMustExist: true, timeout: 5000 });
  try {
    const report = await backupDatabase(client, {
      dir: backupDirectory(file, env.BACKUP_DIR),
      keep: env.BACKUP_KEEP,
      now: new Date(),
      verify: true,
    });
    console.log(describeBackup(file, report));
    return 0;
  } finally {
    client.close();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error("Sauvegarde impossible :", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
