import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import {
  communes,
  departments,
  territories,
  territoryAxes,
  territoryCommunes,
  territoryDepartments,
  territoryStaff,
  userRoles,
  users,
  workingGroups,
} from "#db/schema";
import type { AxisTheme, Role } from "~/domain/vocabulary";
import { inFrenchOrder, writeTransaction, type Db, type Reader } from "~/utils/db.server";

export type Territory = typeof territories.$inferSelect;

export type NewTerritory = {
  slug: string;
  name: string;
  area: string;
  description: string;
  contactEmail?: string | null;
  address?: string | null;
  /** INSEE code of the commune where the pôle sits (its point on the map). */
  seatCommuneCode?: string | null;
  phone?: string | null;
  website?: string | null;
  openingHours?: string | null;
  /** Said instead of, or besides, the communes when the perimeter is not a set of EPCIs. */
  perimeterNote?: string | null;
  departmentCodes: readonly string[];
  /** In display order, each with its working groups in display order. */
  axes: readonly NewAxis[];
  /** INSEE codes of the communes forming the perimeter. */
  communeCodes: readonly string[];
};

export type NewAxis = {
  name: string;
  description?: string;
  theme?: AxisTheme;
  groups?: readonly { slug: string; name: string; purpose?: string }[];
};

export type TerritoryAxis = { id: number; position: number; name: string; description: string; theme: AxisTheme };
export type TerritoryDepartment = { code: string; name: string; regionCode: string };
/** The commune where a pôle sits, with its point when known. */
export type TerritorySeat = { code: string; name: string; latitude: number | null; longitude: number | null };


/** People of the perimeter by self-service role; someone with two roles counts in both. */
export type RoleCounts = { holders: number; volunteers: number; savers: number };

export type TerritorySummary = {
  id: number;
  slug: string;
  name: string;
  area: string;
  description: string;
  departments: TerritoryDepartment[];
  axes: TerritoryAxis[];
  counts: RoleCounts;
  seat: TerritorySeat | null;
  perimeterNote: string | null;
};

export type TerritoryDetail = TerritorySummary & {
  contactEmail: string | null;
  address: string | null;
  phone: string | null;
  website: string | null;
  openingHours: string | null;
  communeCount: number;
  animators: { id: number; displayName: string }[];
};

export type TerritoryRef = { id: number; slug: string; name: string; area: string };

// SQLite caps bound parameters per statement; perimeters can hold hundreds of communes.
const INSERT_BATCH = 400;

/** Inserts the pôle with its departments, axes and perimeter, all or nothing. */
export function createTerritory(db: Db, input: NewTerritory, now: Date): Territory {
  return writeTransaction(db, (tx) => {
    const territory = tx
      .insert(territories)
      .values({
        slug: input.slug,
        name: input.name,
        area: input.area,
        description: input.description,
        contactEmail: input.contactEmail ?? null,
        address: input.address ?? null,
        seatCommuneCode: input.seatCommuneCode ?? null,
        phone: input.phone ?? null,
        website: input.website ?? null,
        openingHours: input.openingHours ?? null,
        perimeterNote: input.perimeterNote ?? null,
        createdAt: now,
      })
      .returning()
      .get();
    const territoryId = territory.id;
    const departmentCodes = [...new Set(input.departmentCodes)];
    if (departmentCodes.length > 0) {
      tx.insert(territoryDepartments)
        .values(departmentCodes.map((departmentCode) => ({ territoryId, departmentCode })))
        .run();
    }
    input.axes.forEach((axis, position) => {
      const { id: axisId } = tx
        .insert(territoryAxes)
        .values({
          territoryId,
          position,
          name: axis.name,
          description: axis.description ?? "",
          theme: axis.theme ?? "autre",
        })
        .returning({ id: territoryAxes.id })
        .get();
      const groups = axis.groups ?? [];
      if (groups.length > 0) {
        tx.insert(workingGroups)
          .values(
            groups.map((group) => ({
              territoryId,
              axisId,
              slug: group.slug,
              name: group.name,
              purpose: group.purpose ?? "",
              createdAt: now,
            })),
          )
          .run();
      }
    });
    const communeCodes = [...new Set(input.communeCodes)];
    for (let i = 0; i < communeCodes.length; i += INSERT_BATCH) {
      tx.insert(territoryCommunes)
        .values(
          communeCodes
            .slice(i, i + INSERT_BATCH)
            .map((communeCode) => ({ territoryId, communeCode })),
        )
        .run();
    }
    return territory;
  });
}

/** Adds a user to the animation team of a pôle (idempotent). */
/**
 * The people on the pôle's animation team, as `isStaffOf` counts them (listed by the team and holding
 * the `animateur` role): whom a request waiting for the team is told about.
 */
export function animationTeamIds(q: Reader, territoryId: number): number[] {
  return q
    .select({ userId: territoryStaff.userId })
    .from(territoryStaff)
    .innerJoin(userRoles, and(eq(userRoles.userId, territoryStaff.userId), eq(userRoles.role, "animateur")))
    .where(eq(territoryStaff.territoryId, territoryId))
    .all()
    .map((s) => s.userId);
}

export function addTerritoryStaff(db: Db, territoryId: number, userId: number): void {
  db.insert(territoryStaff).values({ territoryId, userId }).onConflictDoNothing().run();
}

/**
 * Per-territory role counts as a subquery: user_roles → users → the
 * territories whose perimeter holds the user's commune. (user, role) is the
 * primary key of user_roles and a user has one commune, so a plain sum
 * counts each person once per role.
 */
function roleCountsSubquery(db: Db) {
  const countRole = (role: Role) =>
    sql<number>`sum(case when ${userRoles.role} = ${role} then 1 else 0 end)`.as(`${role}_count`);
  return db
    .select({
      territoryId: territoryCommunes.territoryId,
      holders: countRole("porteur"),
      volunteers: countRole("benevole"),
      savers: countRole("epargnant"),
    })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .innerJoin(territoryCommunes, eq(territoryCommunes.communeCode, users.communeCode))
    .where(inArray(userRoles.role, ["porteur", "benevole", "epargnant"]))
    .groupBy(territoryCommunes.territoryId)
    .as("role_counts");
}

/** Territories joined with their role counts in one query; `slug` narrows to one. */
const seatCommunes = alias(communes, "seat_communes");

function selectTerritoriesWithCounts(db: Db, slug?: string) {
  const counts = roleCountsSubquery(db);
  const query = db
    .select({
      territory: territories,
      holders: sql<number>`coalesce(${counts.holders}, 0)`,
      volunteers: sql<number>`coalesce(${counts.volunteers}, 0)`,
      savers: sql<number>`coalesce(${counts.savers}, 0)`,
      seatName: seatCommunes.name,
      seatLatitude: seatCommunes.latitude,
      seatLongitude: seatCommunes.longitude,
    })
    .from(territories)
    .leftJoin(counts, eq(counts.territoryId, territories.id))
    .leftJoin(seatCommunes, eq(seatCommunes.code, territories.seatCommuneCode))
    .orderBy(inFrenchOrder(territories.name));
  return (slug === undefined ? query : query.where(eq(territories.slug, slug))).all();
}

function axesByTerritory(db: Db, territoryIds: number[]): Map<number, TerritoryAxis[]> {
  const rows = db
    .select({
      territoryId: territoryAxes.territoryId,
      id: territoryAxes.id,
      position: territoryAxes.position,
      name: territoryAxes.name,
      description: territoryAxes.description,
      theme: territoryAxes.theme,
    })
    .from(territoryAxes)
    .where(inArray(territoryAxes.territoryId, territoryIds))
    .orderBy(asc(territoryAxes.territoryId), asc(territoryAxes.position))
    .all();
  return groupBy(rows, ({ territoryId, ...axis }) => [territoryId, axis]);
}

function departmentsByTerritory(
  db: Db,
  territoryIds: number[],
): Map<number, TerritoryDepartment[]> {
  const rows = db
    .select({
      territoryId: territoryDepartments.territoryId,
      code: departments.code,
      name: departments.name,
      regionCode: departments.regionCode,
    })
    .from(territoryDepartments)
    .innerJoin(departments, eq(departments.code, territoryDepartments.departmentCode))
    .where(inArray(territoryDepartments.territoryId, territoryIds))
    .orderBy(asc(departments.code))
    .all();
  return groupBy(rows, ({ territoryId, ...department }) => [territoryId, department]);
}

function groupBy<Row, V>(rows: Row[], split: (row: Row) => [number, V]): Map<number, V[]> {
  const map = new Map<number, V[]>();
  for (const row of rows) {
    const [key, value] = split(row);
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  }
  return map;
}

/** Builds summaries with three fixed queries (counts, axes, departments), whatever the number of pôles. */
function summarize(db: Db, rows: ReturnType<typeof selectTerritoriesWithCounts>) {
  const ids = rows.map((r) => r.territory.id);
  const axes = ids.length > 0 ? axesByTerritory(db, ids) : new Map<number, TerritoryAxis[]>();
  const depts =
    ids.length > 0 ? departmentsByTerritory(db, ids) : new Map<number, TerritoryDepartment[]>();
  return rows.map(({ territory, holders, volunteers, savers, seatName, seatLatitude, seatLongitude }) => ({
    territory,
    summary: {
      id: territory.id,
      slug: territory.slug,
      name: territory.name,
      area: territory.area,
      description: territory.description,
      departments: depts.get(territory.id) ?? [],
      axes: axes.get(territory.id) ?? [],
      counts: { holders, volunteers, savers },
      seat:
        territory.seatCommuneCode && seatName !== null
          ? { code: territory.seatCommuneCode, name: seatName, latitude: seatLatitude, longitude: seatLongitude }
          : null,
      perimeterNote: territory.perimeterNote,
    } satisfies TerritorySummary,
  }));
}

/** Every pôle, by name, with its departments, axes and people counted by role. */
export function listTerritoriesWithCounts(db: Db): TerritorySummary[] {
  return summarize(db, selectTerritoriesWithCounts(db)).map((r) => r.summary);
}

/** One pôle for its public page, or undefined when the slug is unknown. */
export function getTerritoryBySlug(db: Db, slug: string): TerritoryDetail | undefined {
  const [found] = summarize(db, selectTerritoriesWithCounts(db, slug));
  if (!found) return undefined;
  const { territory, summary } = found;
  const communeCount =
    db
      .select({ n: count() })
      .from(territoryCommunes)
      .where(eq(territoryCommunes.territoryId, territory.id))
      .get()?.n ?? 0;
  const animators = db
    .select({ id: users.id, displayName: users.displayName })
    .from(territoryStaff)
    .innerJoin(users, eq(users.id, territoryStaff.userId))
    .where(eq(territoryStaff.territoryId, territory.id))
    .orderBy(inFrenchOrder(users.displayName))
    .all();
  return {
    ...summary,
    contactEmail: territory.contactEmail,
    address: territory.address,
    phone: territory.phone,
    website: territory.website,
    openingHours: territory.openingHours,
    communeCount,
    animators,
  };
}

/** INSEE codes of the communes of a pôle's perimeter, sorted. */
export function listPerimeterCommuneCodes(db: Db, territoryId: number): string[] {
  return db
    .select({ code: territoryCommunes.communeCode })
    .from(territoryCommunes)
    .where(eq(territoryCommunes.territoryId, territoryId))
    .orderBy(asc(territoryCommunes.communeCode))
    .all()
    .map((row) => row.code);
}

/** The pôles whose perimeter holds this commune (usually one, possibly none or several). */
export function findTerritoriesForCommune(db: Db, communeCode: string): TerritoryRef[] {
  return db
    .select({
      id: territories.id,
      slug: territories.slug,
      name: territories.name,
      area: territories.area,
    })
    .from(territoryCommunes)
    .innerJoin(territories, eq(territories.id, territoryCommunes.territoryId))
    .where(eq(territoryCommunes.communeCode, communeCode))
    .orderBy(inFrenchOrder(territories.name))
    .all();
}

/** Pôles by name, all of them or only those with the given ids (e.g. a person's animation teams). */
export function listTerritoryRefs(db: Db, ids?: readonly number[]): TerritoryRef[] {
  if (ids && ids.length === 0) return [];
  const query = db
    .select({ id: territories.id, slug: territories.slug, name: territories.name, area: territories.area })
    .from(territories)
    .orderBy(inFrenchOrder(territories.name));
  return (ids ? query.where(inArray(territories.id, [...ids])) : query).all();
}

/** The name of the (oldest) pôle whose perimeter holds the commune, for messages; « Maillon » outside any. */
export function poleNameOfCommune(q: Reader, communeCode: string): string {
  return (
    q
      .select({ name: territories.name })
      .from(territoryCommunes)
      .innerJoin(territories, eq(territories.id, territoryCommunes.territoryId))
      .where(eq(territoryCommunes.communeCode, communeCode))
      .orderBy(asc(territories.id))
      .get()?.name ?? "Maillon"
  );
}
