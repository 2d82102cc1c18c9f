import { asc, eq, inArray } from "drizzle-orm";
import { activityDomains, skills } from "#db/schema";
import type { Db } from "~/utils/db.server";

export type CatalogItem = { id: number; slug: string; name: string };

/** Active skills in the catalogue's order. */
export function listSkills(db: Db): CatalogItem[] {
  return db
    .select({ id: skills.id, slug: skills.slug, name: skills.name })
    .from(skills)
    .where(eq(skills.active, true))
    .orderBy(asc(skills.position))
    .all();
}

export function listActivityDomains(db: Db): CatalogItem[] {
  return db
    .select({ id: activityDomains.id, slug: activityDomains.slug, name: activityDomains.name })
    .from(activityDomains)
    .orderBy(asc(activityDomains.position))
    .all();
}

/** The ids among `ids` that are active skills. */
export function existingSkillIds(db: Db, ids: readonly number[]): Set<number> {
  if (ids.length === 0) return new Set();
  const rows = db
    .select({ id: skills.id })
    .from(skills)
    .where(inArray(skills.id, [...ids]))
    .all();
  return new Set(rows.map((r) => r.id));
}

export function existingActivityDomainIds(db: Db, ids: readonly number[]): Set<number> {
  if (ids.length === 0) return new Set();
  const rows = db
    .select({ id: activityDomains.id })
    .from(activityDomains)
    .where(inArray(activityDomains.id, [...ids]))
    .all();
  return new Set(rows.map((r) => r.id));
}
