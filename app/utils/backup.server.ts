/**
 * Backups of the SQLite file and their restore: the online copy (SQLite's backup API through
 * better-sqlite3's `backup()`), the timestamped names, how many are kept, and the checks a file must
 * pass before it replaces the database. Used by `npm run db:backup`, `npm run db:restore` and the
 * server's daily backup (app/background.server.ts). Messages are for the operator, in French.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** Copy every remaining page in one step: one read transaction, so the copy is one moment of the base. */
const ALL_PAGES = 0x7fffffff;

/** `maillon-2026-12-02T143912.123Z.db`: UTC, sorts in time order, no colon (kept out of file names). */
function stampOf(now: Date): string {
  return now.toISOString().replace(/:/g, "");
}

function baseNameOf(databaseFile: string): string {
  return path.basename(databaseFile).replace(/\.(db|sqlite3?)$/i, "");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function backupPattern(databaseFile: string): RegExp {
  return new RegExp(`^${escapeRegExp(baseNameOf(databaseFile))}-(\\d{4}-\\d{2}-\\d{2}T\\d{6}\\.\\d{3}Z)\\.db$`);
}

/** Where the backups of `databaseFile` go: BACKUP_DIR when set, else `backups/` beside the file. */
export function backupDirectory(databaseFile: string, configured?: string): string {
  return path.resolve(configured ?? path.join(path.dirname(path.resolve(databaseFile)), "backups"));
}

export function backupFileName(databaseFile: string, now: Date): string {
  return `${baseNameOf(databaseFile)}-${stampOf(now)}.db`;
}

export type BackupEntry = { file: string; takenAt: Date };

/** The backups of `databaseFile` in `dir`, oldest first (by the time in their name). */
export function listBackups(dir: string, databaseFile: string): BackupEntry[] {
  if (!fs.existsSync(dir)) return [];
  const pattern = backupPattern(databaseFile);
  return fs
    .readdirSync(dir)
    .flatMap((name) => {
      const match = pattern.exec(name);
      if (!match) return [];
      const iso = match[1]!.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})/, "$1T$2:$3:$4");
      return [{ file: path.join(dir, name), takenAt: new Date(iso) }];
    })
    .sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
}

export type BackupReport = { file: string; bytes: number; removed: string[]; kept: number; elapsedMs: number };

/**
 * Copies the open database `client` into `dir` under a timestamped name, then deletes the oldest
 * backups past `keep`. Writers may go on meanwhile (WAL): the copy is taken in one step, so it holds
 * exactly what was committed when that step began. The copy is written beside its final name and
 * renamed, so a crash never leaves a half-written file under a backup's name. With `verify`, the copy
 * passes PRAGMA integrity_check before it takes that name.
 */
export async function backupDatabase(
  client: Database.Database,
  options: { dir: string; keep: number; now: Date; verify?: boolean },
): Promise<BackupReport> {
  const started = performance.now();
  fs.mkdirSync(options.dir, { recursive: true });
  const file = path.join(options.dir, backupFileName(client.name, options.now));
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    await client.backup(partial, { progress: () => ALL_PAGES });
    // A backup is one self-contained file: rollback-journal mode, so opening it read-only (to check it,
    // to look into it) leaves no -wal beside it. A restore puts the base back in WAL mode.
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma("journal_mode = DELETE");
      const integrity = options.verify ? integrityOf(copy) : "ok";
      if (integrity !== "ok") throw new Error(`la copie est endommagée (PRAGMA integrity_check : ${integrity})`);
    } finally {
      copy.close();
    }
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  const backups = listBackups(options.dir, client.name);
  const removed = backups.slice(0, Math.max(0, backups.length - options.keep)).map((b) => b.file);
  for (const old of removed) fs.rmSync(old, { force: true });
  return {
    file,
    bytes: fs.statSync(file).size,
    removed,
    kept: backups.length - removed.length,
    elapsedMs: Math.round(performance.now() - started),
  };
}

/** The operator's one line after a backup. */
export function describeBackup(databaseFile: string, report: BackupReport): string {
  const size = (report.bytes / 1024 / 1024).toFixed(1).replace(".", ",");
  const removed = report.removed.length === 0 ? "" : ` ; ${report.removed.length} ancienne${report.removed.length > 1 ? "s" : ""} supprimée${report.removed.length > 1 ? "s" : ""}`;
  return `Sauvegarde de ${databaseFile} écrite dans ${report.file} (${size} Mo, ${report.elapsedMs} ms)${removed} ; ${report.kept} conservée${report.kept > 1 ? "s" : ""}.`;
}

/** A refusal the operator can act on: the command prints its message and exits with 1. */
export class BackupRefusal extends Error {}

/** `PRAGMA integrity_check` of an open base: "ok", or the first problems SQLite lists. */
export function integrityOf(client: Database.Database): string {
  const rows = client.pragma("integrity_check") as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).slice(0, 5).join(" ; ");
}

/** The migrations this build knows (db/migrations/meta/_journal.json), as drizzle records them: their time. */
export function knownMigrations(migrationsFolder = path.resolve("db/migrations")): number[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as {
    entries: { when: number }[];
  };
  return journal.entries.map((entry) => entry.when);
}

/** The migrations recorded in a base (drizzle's `__drizzle_migrations.created_at`); null when it has no such table. */
export function recordedMigrations(client: Database.Database): number[] | null {
  const table = client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!table) return null;
  return (client.prepare("SELECT created_at AS at FROM __drizzle_migrations ORDER BY created_at").all() as { at: number }[]).map((r) =>
    Number(r.at),
  );
}

/**
 * Checks that an open base can replace ours: SQLite finds it intact, it is a Maillon base, and it was
 * not written by a newer version (a migration this build does not know). Returns its migrations count.
 */
export function checkRestorable(client: Database.Database, label: string, known = knownMigrations()): number {
  const integrity = integrityOf(client);
  if (integrity !== "ok") throw new BackupRefusal(`Le fichier ${label} est endommagé (PRAGMA integrity_check : ${integrity}) : restauration refusée.`);
  const recorded = recordedMigrations(client);
  if (recorded === null || recorded.length === 0) {
    throw new BackupRefusal(`Le fichier ${label} n'est pas une base Maillon (aucune migration enregistrée) : restauration refusée.`);
  }
  const knownSet = new Set(known);
  const unknown = recorded.filter((at) => !knownSet.has(at));
  const newest = Math.max(...known);
  if (unknown.length > 0 || Math.max(...recorded) > newest) {
    throw new BackupRefusal(
      `Le fichier ${label} vient d'une version plus récente de Maillon : ${recorded.length} migrations enregistrées, ` +
        `dont ${unknown.length} que cette version ne connaît pas (elle en connaît ${known.length}). ` +
        "Restauration refusée : installez la version qui l'a écrit, ou une plus récente.",
    );
  }
  return recorded.length;
}

/** SQLite's own wording of why a file could not be read as a base. */
function sqliteReason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Takes the write lock on `databaseFile` for the whole restore, or refuses when another process has the
 * base open (the server keeps its connection open while it runs, and an open connection in WAL mode
 * keeps this lock from being taken).
 */
function lockExclusively(databaseFile: string): Database.Database {
  const client = new Database(databaseFile, { fileMustExist: true, timeout: 0 });
  try {
    client.pragma("locking_mode = EXCLUSIVE");
    client.exec("BEGIN EXCLUSIVE");
    // In EXCLUSIVE locking mode the lock stays held after the transaction, until the connection closes.
    client.exec("ROLLBACK");
    return client;
  } catch (error) {
    client.close();
    if ((error as { code?: string }).code === "SQLITE_BUSY") {
      throw new BackupRefusal(
        `La base ${databaseFile} est ouverte par un autre processus (le serveur est-il en marche ?). ` +
          "Arrêtez le serveur (par exemple systemctl stop maillon) puis relancez la restauration.",
      );
    }
    throw error;
  }
}

export type RestoreReport = { from: string; to: string; aside: string | null; migrations: number; known: number };

/**
 * Replaces `databaseFile` by the base in `source`, once `source` has passed `checkRestorable` and while no
 * other process has the base open. The current base is first copied aside
 * (`maillon.db.before-restore-<time>`); its -wal and -shm files are removed with it.
 */
export async function restoreDatabase(source: string, databaseFile: string, now: Date): Promise<RestoreReport> {
  if (!fs.existsSync(source) || !fs.statSync(source).isFile()) throw new BackupRefusal(`Fichier introuvable : ${source}.`);
  const target = path.resolve(databaseFile);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const stamp = stampOf(now);
  // The checks run on the very copy that will take the base's place (written beside it, then renamed).
  const incoming = `${target}.restoring-${stamp}`;
  const removeIncoming = () => {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(incoming + suffix, { force: true });
  };
  fs.copyFileSync(source, incoming);
  if (fs.existsSync(`${source}-wal`)) fs.copyFileSync(`${source}-wal`, `${incoming}-wal`);
  let migrations: number;
  const known = knownMigrations();
  try {
    let client: Database.Database;
    try {
      client = new Database(incoming, { fileMustExist: true });
      client.pragma("schema_version");
    } catch (error) {
      throw new BackupRefusal(`Le fichier ${source} n'est pas une base SQLite lisible (${sqliteReason(error)}) : restauration refusée.`);
    }
    try {
      migrations = checkRestorable(client, source, known);
      client.pragma("journal_mode = WAL");
    } catch (error) {
      if (error instanceof BackupRefusal) throw error;
      throw new BackupRefusal(`Le fichier ${source} n'est pas une base SQLite lisible (${sqliteReason(error)}) : restauration refusée.`);
    } finally {
      client.close();
    }

    let aside: string | null = null;
    if (fs.existsSync(target)) {
      const current = lockExclusively(target);
      try {
        aside = `${target}.before-restore-${stamp}`;
        await current.backup(aside, { progress: () => ALL_PAGES });
      } finally {
        current.close();
      }
    }
    for (const suffix of ["-wal", "-shm"]) fs.rmSync(target + suffix, { force: true });
    fs.renameSync(incoming, target);
    removeIncoming();
    return { from: source, to: target, aside, migrations, known: known.length };
  } catch (error) {
    removeIncoming();
    throw error;
  }
}

export function describeRestore(report: RestoreReport): string {
  const aside = report.aside ? ` La base remplacée est conservée dans ${report.aside}.` : "";
  const pending =
    report.migrations < report.known
      ? ` ${report.known - report.migrations} migration(s) plus récente(s) seront appliquées au prochain démarrage du serveur.`
      : "";
  return `Base ${report.to} restaurée depuis ${report.from} (intégrité : ok, ${report.migrations} migrations).${aside}${pending}`;
}
