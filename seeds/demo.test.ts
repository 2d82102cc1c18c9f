import { asc, count, eq, gt, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { territoryCommunes, userRoles, users } from "#db/schema";
import { freshTestDatabasePath, removeDatabaseFiles } from "#tests/setup/test-database";
import { getTerritoryBySlug, listTerritoriesWithCounts } from "~/models/territory.server";
import { listAxesWithGroups } from "~/models/working-group.server";
import { findUserByEmail, getStaffTerritoryIds, getUserRoles } from "~/models/user.server";
import { getDb, openDatabase, type Db } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo, type DemoCounts } from "./demo";
import { DIRECTORY_POLES } from "./poles";
import { seedDemoIfEmpty } from "./seed";

const NOW = new Date("2026-03-02T09:00:00Z");

/** Everything that must not depend on the run: who, where, when, with which roles. */
function snapshot(db: Db) {
  const people = db
    .select({
      email: users.email,
      displayName: users.displayName,
      communeCode: users.communeCode,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.id))
    .all();
  const roles = db
    .select({ email: users.email, role: userRoles.role })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .orderBy(asc(users.email), asc(userRoles.role))
    .all();
  return { people, roles };
}

describe("seedDemo", () => {
  let db: Db;
  let twin: Db;
  let twinFile: string;
  let counts: DemoCounts;

  beforeAll(async () => {
    db = getDb();
    twinFile = freshTestDatabasePath("demo-twin");
    twin = openDatabase(twinFile);
    counts = await seedDemo(db, NOW);
    await seedDemo(twin, NOW);
  });

  afterAll(() => {
    twin.$client.close();
    removeDatabaseFiles(twinFile);
  });

  it("is deterministic: two fresh databases get the same people", () => {
    const a = snapshot(db);
    expect(a.people.length).toBeGreaterThan(100);
    expect(snapshot(twin)).toEqual(a);
  });

  it("creates the pôles of the directory and about a hundred people, in the expected proportions", () => {
    expect(counts.territories).toBe(2 + DIRECTORY_POLES.length);
    expect(counts.territories).toBeGreaterThanOrEqual(20);
    expect(counts.users).toBeGreaterThanOrEqual(100);
    expect(counts.users).toBeLessThanOrEqual(130);
    expect(counts.benevoles).toBeGreaterThanOrEqual(55);
    expect(counts.benevoles).toBeLessThanOrEqual(75);
    expect(counts.porteurs).toBeGreaterThanOrEqual(28);
    expect(counts.porteurs).toBeLessThanOrEqual(40);
    expect(counts.epargnants).toBeGreaterThanOrEqual(14);
    expect(counts.epargnants).toBeLessThanOrEqual(25);
    expect(counts.animateurs).toBe(2);
    expect(counts.admins).toBe(1);
    expect(db.select().from(users).all()).toHaveLength(counts.users);
  });

  it("gives a few people two roles", () => {
    const perUser = new Map<number, number>();
    for (const { userId } of db.select().from(userRoles).all()) {
      perUser.set(userId, (perUser.get(userId) ?? 0) + 1);
    }
    const twoRoles = [...perUser.values()].filter((n) => n === 2).length;
    expect(twoRoles).toBeGreaterThanOrEqual(3);
    expect(twoRoles).toBeLessThanOrEqual(15);
  });

  it("places every person inside the perimeter of a pôle", () => {
    const outside = db
      .select({ email: users.email, communeCode: users.communeCode })
      .from(users)
      .leftJoin(territoryCommunes, eq(territoryCommunes.communeCode, users.communeCode))
      .where(isNull(territoryCommunes.territoryId))
      .all();
    expect(outside).toEqual([]);
  });

  it("fills both pôles and their perimeters (the member communes of their EPCIs)", () => {
    const all = listTerritoriesWithCounts(db);
    const saintonge = all.find((t) => t.slug === "vals-de-saintonge");
    const sambre = all.find((t) => t.slug === "sambre-avesnois");
    for (const t of [saintonge, sambre]) {
      expect(t?.counts.volunteers).toBeGreaterThan(10);
      expect(t?.counts.holders).toBeGreaterThan(5);
      expect(t?.counts.savers).toBeGreaterThan(2);
    }
    expect(saintonge?.axes.length).toBeGreaterThanOrEqual(4);
    expect(sambre?.axes.map((a) => a.name)).toEqual([
      "Entrepreneuriat social",
      "Alimentation durable",
      "Transition énergétique de l'habitat",
      "Services à la personne",
      "Mobilité et accessibilité",
      "Communication commune et utilité sociale",
    ]);
    expect(getTerritoryBySlug(db, "vals-de-saintonge")?.communeCount).toBe(109);
    expect(getTerritoryBySlug(db, "sambre-avesnois")?.communeCount).toBe(150);
  });

  it("gives the other pôles of the directory no member: their perimeters overlap neither each other nor the two", () => {
    const shared = db
      .select({ communeCode: territoryCommunes.communeCode, n: count() })
      .from(territoryCommunes)
      .groupBy(territoryCommunes.communeCode)
      .having(gt(count(), 1))
      .all();
    expect(shared).toEqual([]);
    const all = listTerritoriesWithCounts(db);
    for (const pole of all.filter((t) => !["vals-de-saintonge", "sambre-avesnois"].includes(t.slug))) {
      expect(pole.counts, pole.slug).toEqual({ holders: 0, volunteers: 0, savers: 0 });
      expect(pole.axes.length, pole.slug).toBeGreaterThanOrEqual(2);
      expect(pole.departments.length, pole.slug).toBeGreaterThanOrEqual(1);
      const detail = getTerritoryBySlug(db, pole.slug)!;
      expect(detail.communeCount > 0 || detail.perimeterNote !== null, pole.slug).toBe(true);
    }
    expect(all.filter((t) => t.seat !== null).length).toBeGreaterThanOrEqual(18);
  });

  it("seeds the working groups under the axes: eight for Auton'Hommes, and Saintonge's contact and opening hours", () => {
    const groups = (slug: string) =>
      listAxesWithGroups(db, getTerritoryBySlug(db, slug)!.id).flatMap((a) => a.groups.map((g) => g.name));
    expect(groups("autonhommes")).toHaveLength(8);
    expect(groups("autonhommes")).toContain("GPEC territoriale");
    expect(groups("sambre-avesnois").length).toBeGreaterThanOrEqual(6);
    expect(groups("vals-de-saintonge")).toEqual(
      expect.arrayContaining(["Comité de pilotage de la filière maraîchage bio", "Ronde saintongeaise"]),
    );
    const saintonge = getTerritoryBySlug(db, "vals-de-saintonge")!;
    expect(saintonge.phone).toBe("09 53 50 27 59");
    expect(saintonge.openingHours).toMatch(/lundi et le vendredi de 15 h à 17 h/);
    expect(saintonge.seat?.name).toBe("Saint-Jean-d'Angély");
    expect(saintonge.axes.map((a) => a.theme)).toContain("finance-solidaire");
  });

  it("uses unique ASCII e-mails on exemple.fr", () => {
    const emails = db
      .select({ email: users.email })
      .from(users)
      .all()
      .map((u) => u.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) expect(email).toMatch(/^[a-z0-9]+(?:[.-][a-z0-9]+)*@exemple\.fr$/);
  });

  it("creates the fixed accounts with their roles, animators on their pôle's team", () => {
    for (const account of DEMO_ACCOUNTS) {
      const user = findUserByEmail(db, account.email);
      expect(user, account.email).toBeDefined();
      expect(user?.displayName).toBe(account.displayName);
      expect(user?.communeCode).toBe(account.communeCode);
      expect(getUserRoles(db, user!.id).sort()).toEqual([...account.roles].sort());
    }
    expect(
      getTerritoryBySlug(db, "vals-de-saintonge")?.animators.map((a) => a.displayName),
    ).toEqual(["Hélène Rivaud"]);
    expect(getTerritoryBySlug(db, "sambre-avesnois")?.animators.map((a) => a.displayName)).toEqual([
      "Karim Delattre",
    ]);
    const admin = findUserByEmail(db, "admin@exemple.fr")!;
    expect(getStaffTerritoryIds(db, admin.id)).toEqual([]);
  });

  it("gives every account the shared demo password", async () => {
    const porteur = findUserByEmail(db, "porteur@exemple.fr")!;
    expect(await verifyPassword(porteur.passwordHash, DEMO_PASSWORD)).toBe(true);
    const hashes = new Set(
      db
        .select({ h: users.passwordHash })
        .from(users)
        .all()
        .map((u) => u.h),
    );
    expect(hashes.size).toBe(1);
  });

  it("is not run again on a database that has accounts", async () => {
    const before = db.select().from(users).all().length;
    expect(await seedDemoIfEmpty(db, NOW)).toEqual({ seeded: false });
    expect(db.select().from(users).all()).toHaveLength(before);
  });
});
