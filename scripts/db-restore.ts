/**
 * `npm run db:restore FICHIER`: replaces the base named by DATABASE_URL by a backup, once SQLite finds
 * the backup intact and it comes from this version of Maillon or an older one (never a newer one), and
 * only while the server is stopped. The replaced base is kept beside it (`….before-restore-<time>`).
 */
import { BackupRefusal, describeRestore, restoreDatabase } from "~/utils/backup.server";
import { getEnv } from "~/utils/env.server";

async function main(): Promise<number> {
  const source = process.argv[2];
  if (!source) {
    console.error("Indiquez la sauvegarde à restaurer : npm run db:restore data/backups/maillon-<date>.db");
    return 1;
  }
  const report = await restoreDatabase(source, getEnv().DATABASE_URL, new Date());
  console.log(describeRestore(report));
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof BackupRefusal) console.error(error.message);
    else console.error("Restauration impossible :", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
