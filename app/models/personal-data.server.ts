/**
 * Everything Maillon holds about one person, as one JSON document: every row of every table that points
 * at the account (found from the schema's foreign keys, so a new table cannot be forgotten), plus the rows
 * that belong to the person's own projects, volunteer profile and mentorships. Secrets are left out.
 */
import { eq, inArray } from "drizzle-orm";
import { getTableConfig, SQLiteTable, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import * as schema from "#db/schema";
import { exportReadme, isSecretColumn } from "~/domain/personal-data";
import type { Reader } from "~/utils/db.server";

type Row = Record<string, unknown>;

/** Every (table, column) whose foreign key points at `users.id`. */
export function columnsReferencingUsers(): { table: SQLiteTable; tableName: string; column: SQLiteColumn }[] {
  const found: { table: SQLiteTable; tableName: string; column: SQLiteColumn }[] = [];
  for (const table of Object.values(schema)) {
    if (!(table instanceof SQLiteTable)) continue;
    const config = getTableConfig(table);
    for (const fk of config.foreignKeys) {
      const ref = fk.reference();
      if (getTableConfig(ref.foreignTable).name !== "users") continue;
      for (const column of ref.columns) found.push({ table, tableName: config.name, column });
    }
  }
  return found;
}

/** A row without its secrets and raw bytes (an image is given by its address instead). */
function withoutSecrets(tableName: string, row: Row): Row {
  const kept = Object.fromEntries(
    Object.entries(row).filter(([key, value]) => !isSecretColumn(tableName, key) && !Buffer.isBuffer(value)),
  );
  return tableName === "uploaded_images" ? { ...kept, adresse: `/images/${String(row.id)}` } : kept;
}

function rowsWhere(q: Reader, table: SQLiteTable, column: SQLiteColumn, values: readonly (number | string)[]): Row[] {
  if (values.length === 0) return [];
  const name = getTableConfig(table).name;
  return (q.select().from(table).where(inArray(column, [...values])).all() as Row[]).map((row) => withoutSecrets(name, row));
}

function addRows(parts: Record<string, Row[]>, name: string, rows: Row[]) {
  if (rows.length === 0) return;
  const list = (parts[name] ??= []);
  // A row can point at the person twice (an article written and reviewed by them): once is enough.
  const seen = new Set(list.map((r) => JSON.stringify(r)));
  for (const row of rows) if (!seen.has(JSON.stringify(row))) list.push(row);
}

/** The person's data, ready for `JSON.stringify`; undefined when there is no such account. */
export function exportPersonalData(q: Reader, userId: number, now: Date): Record<string, unknown> | undefined {
  const user = q.select().from(schema.users).where(eq(schema.users.id, userId)).get();
  if (!user) return undefined;
  const parts: Record<string, Row[]> = {};
  for (const { table, tableName, column } of columnsReferencingUsers()) {
    if (tableName === "users") continue;
    addRows(parts, tableName, rowsWhere(q, table, column, [userId]));
  }
  addRows(parts, "sign_in_failures", rowsWhere(q, schema.signInFailures, schema.signInFailures.email, [user.email]));
  addRows(parts, "volunteer_skills", rowsWhere(q, schema.volunteerSkills, schema.volunteerSkills.userId, [userId]));
  addRows(parts, "volunteer_domains", rowsWhere(q, schema.volunteerDomains, schema.volunteerDomains.userId, [userId]));

  const projectIds = (parts.projects ?? []).map((p) => p.id as number);
  addRows(parts, "project_skill_needs", rowsWhere(q, schema.projectSkillNeeds, schema.projectSkillNeeds.projectId, projectIds));
  addRows(parts, "project_funding_needs", rowsWhere(q, schema.projectFundingNeeds, schema.projectFundingNeeds.projectId, projectIds));
  addRows(parts, "mentorships_of_my_projects", rowsWhere(q, schema.mentorships, schema.mentorships.projectId, projectIds));
  const mentorshipIds = (parts.mentorships ?? []).map((m) => m.id as number);
  addRows(
    parts,
    "mentorship_endorsements",
    rowsWhere(q, schema.mentorshipEndorsements, schema.mentorshipEndorsements.mentorshipId, mentorshipIds),
  );

  const sorted = Object.fromEntries(Object.keys(parts).sort().map((name) => [name, parts[name]]));
  return {
    lisezMoi: exportReadme(now.toISOString()),
    compte: withoutSecrets("users", user as Row),
    parties: sorted,
  };
}
