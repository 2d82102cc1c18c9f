import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyDecisions, bodyMandates, governanceBodies, organisationPoles, organisationRepresentatives, organisations, territories } from "#db/schema";
import { freshTestDatabasePath, removeDatabaseFiles } from "#tests/setup/test-database";
import { checkSiren, checkSiret, isEssKind } from "~/domain/organisation";
import { lookUpNafCode } from "~/models/naf.server";
import { listPendingRequests } from "~/models/organisation-request.server";
import { getDb, openDatabase, type Db } from "~/utils/db.server";
import { seedDemo } from "./demo";

const NOW = new Date("2026-03-02T09:00:00Z");

function snapshot(db: Db) {
  return {
    organisations: db.select().from(organisations).orderBy(asc(organisations.id)).all(),
    representatives: db.select().from(organisationRepresentatives).orderBy(asc(organisationRepresentatives.organisationId), asc(organisationRepresentatives.userId)).all(),
    mandates: db.select().from(bodyMandates).orderBy(asc(bodyMandates.id)).all(),
    decisions: db.select().from(bodyDecisions).orderBy(asc(bodyDecisions.id)).all(),
  };
}

describe("demo organisations and governance", () => {
  let db: Db;
  let twin: Db;
  let twinFile: string;

  beforeAll(async () => {
    db = getDb();
    twinFile = freshTestDatabasePath("demo-organisations-twin");
    twin = openDatabase(twinFile);
    await seedDemo(db, NOW);
    await seedDemo(twin, NOW);
  }, 120_000);

  afterAll(() => {
    twin.$client.close();
    removeDatabaseFiles(twinFile);
  });

  it("is deterministic", () => {
    expect(snapshot(twin)).toEqual(snapshot(db));
  });

  it("gives every organisation a valid SIREN or SIRET and a NAF code that exists", () => {
    const rows = db.select().from(organisations).all();
    expect(rows.length).toBeGreaterThanOrEqual(15);
    for (const o of rows) {
      expect(o.siren ?? o.siret, o.name).toBeTruthy();
      if (o.siren) expect(checkSiren(o.siren).ok, `${o.name} SIREN`).toBe(true);
      if (o.siret) {
        expect(checkSiret(o.siret).ok, `${o.name} SIRET`).toBe(true);
        expect(o.siret.startsWith(o.siren!), `${o.name}: SIRET of its SIREN`).toBe(true);
      }
      expect(lookUpNafCode(o.nafCode!).ok, `${o.name} NAF ${o.nafCode}`).toBe(true);
    }
  });

  it("makes each active pôle a legal PTCE: at least three legal persons, one of them an ESS structure, with confirmed representatives", () => {
    for (const slug of ["vals-de-saintonge", "sambre-avesnois"]) {
      const pole = db.select().from(territories).where(eq(territories.slug, slug)).get()!;
      const members = db
        .select({ id: organisations.id, kind: organisations.kind })
        .from(organisationPoles)
        .innerJoin(organisations, eq(organisations.id, organisationPoles.organisationId))
        .where(eq(organisationPoles.territoryId, pole.id))
        .all();
      expect(members.length, slug).toBeGreaterThanOrEqual(6);
      expect(members.filter((m) => isEssKind(m.kind)).length, slug).toBeGreaterThanOrEqual(2);
      expect(new Set(members.map((m) => m.kind)).size, slug).toBeGreaterThanOrEqual(5);
      const bodies = db.select().from(governanceBodies).where(eq(governanceBodies.territoryId, pole.id)).all();
      expect(bodies.map((b) => b.kind).sort()).toEqual(["comite-pilotage", "equipe-animation", "groupe-operationnel"]);
      const decisions = db
        .select({ internal: bodyDecisions.internal, votesFor: bodyDecisions.votesFor })
        .from(bodyDecisions)
        .innerJoin(governanceBodies, eq(governanceBodies.id, bodyDecisions.bodyId))
        .where(eq(governanceBodies.territoryId, pole.id))
        .all();
      expect(decisions.filter((d) => d.internal)).toHaveLength(1);
      expect(decisions.filter((d) => !d.internal && d.votesFor !== null).length).toBeGreaterThanOrEqual(2);
    }
  });

  it("leaves requests waiting for the Vals de Saintonge animation team", () => {
    const pole = db.select().from(territories).where(eq(territories.slug, "vals-de-saintonge")).get()!;
    const pending = listPendingRequests(db, pole.id);
    expect(pending.poles.map((p) => p.name)).toEqual(["Ressourcerie des Vals"]);
    expect(pending.representatives.map((r) => `${r.displayName} → ${r.organisationName}`)).toEqual([
      // The new organisation's founder, and benevole@ offering to help the insertion association.
      expect.stringContaining("Ressourcerie des Vals"),
      "Monique Girard → Saintonge Insertion Emploi",
    ]);
  });
});
