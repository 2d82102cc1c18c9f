import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { indicatorValues, notifications, projects } from "#db/schema";
import { createTestAnimator, createTestTerritory } from "#seeds/factories";
import { createTestHolder, createTestMentorship, createTestProject, createTestVolunteer } from "#seeds/journey-factories";
import { parisIsoDate } from "~/domain/paris-time";
import { getDb } from "~/utils/db.server";
import { askFollowUps, declareLaunch, recordFollowUp } from "./follow-up.server";
import { installImpactReport, poleImpactReport, recordIndicatorValue, saveIndicator, type IndicatorInput } from "./indicator.server";
import { endMentorship, logSession } from "./mentorship.server";

const NOW = new Date("2026-06-15T10:00:00Z");

function computed(metric: IndicatorInput["metric"], extra: Partial<IndicatorInput> = {}): IndicatorInput {
  return { source: "calcule", metric, name: "", unit: "nombre", definition: "", baseline: 0, target: null, targetDate: null, period: "mois", valoressDomain: null, sdg: null, ...extra };
}

const current = (territoryId: number, metric: string, now = NOW) => poleImpactReport(getDb(), territoryId, now).find((i) => i.metric === metric)!;

describe("computed indicators follow Maillon's data", () => {
  it("counts the hours of a mentorship log in the month the meeting was held, for the pôle and the whole install", async () => {
    const db = getDb();
    const pole = createTestTerritory(db);
    expect(saveIndicator(db, pole.id, computed("heures-accompagnement", { target: 600 }), NOW)).toMatchObject({ ok: true });
    const holder = await createTestHolder(db);
    const volunteer = await createTestVolunteer(db);
    const project = createTestProject(db, holder.id);
    const mentorship = createTestMentorship(db, project.needIds[0]!, volunteer.id);
    const installBefore = installImpactReport(db, NOW).find((i) => i.metric === "heures-accompagnement")!.current!;

    expect(current(pole.id, "heures-accompagnement").series.at(-1)).toBe(0);
    expect(logSession(db, mentorship, holder.id, { heldOn: "2026-06-02", durationMinutes: 90, topic: "Prévisionnel", notes: "" }, NOW)).toMatchObject({ ok: true });
    expect(logSession(db, mentorship, volunteer.id, { heldOn: "2026-05-20", durationMinutes: 60, topic: "Prix", notes: "" }, NOW)).toMatchObject({ ok: true });

    const hours = current(pole.id, "heures-accompagnement");
    expect(hours.unit).toBe("heures");
    expect(hours.series.slice(-2)).toEqual([60, 90]);
    expect(hours.current).toBe(150);
    expect(hours.progress).toEqual({ percent: 25, reached: false });
    expect(hours.trend?.direction).toBe("hausse");
    expect(installImpactReport(db, NOW).find((i) => i.metric === "heures-accompagnement")!.current! - installBefore).toBe(150);
  });

  it("counts an accepted mentorship as under way until it ends", async () => {
    const db = getDb();
    const pole = createTestTerritory(db);
    saveIndicator(db, pole.id, computed("accompagnements-actifs"), NOW);
    const holder = await createTestHolder(db);
    const volunteer = await createTestVolunteer(db);
    const project = createTestProject(db, holder.id);
    const before = current(pole.id, "accompagnements-actifs", new Date()).current!;
    const mentorship = createTestMentorship(db, project.needIds[0]!, volunteer.id);
    expect(current(pole.id, "accompagnements-actifs", new Date()).current).toBe(before + 1);
    endMentorship(db, mentorship, holder.id, "terminee", { rating: 5, comment: "" }, new Date(Date.now() - 1000));
    expect(current(pole.id, "accompagnements-actifs", new Date()).current).toBe(before);
  });

  it("moves jobs created with the holder's latest follow-up, and reports survival at 3 years", async () => {
    const db = getDb();
    // A commune no other test of this file puts a project in: the pôle's jobs are this project's alone.
    const commune = "17226"; // Mazeray
    const pole = createTestTerritory(db, { communeCodes: [commune] });
    saveIndicator(db, pole.id, computed("emplois-crees"), NOW);
    saveIndicator(db, pole.id, computed("survie-3-ans", { period: "annee" }), NOW);
    const holder = await createTestHolder(db);
    const project = createTestProject(db, holder.id, { overrides: { communeCode: commune } });
    expect(declareLaunch(db, project.id, "2023-01-10", NOW)).toEqual({ ok: true });
    expect(current(pole.id, "emplois-crees").current).toBe(0);

    const answer = { turnoverBand: "10k-50k", stillActive: true, comment: "" } as const;
    expect(recordFollowUp(db, project.id, { milestone: 12, jobsCreated: 2, ...answer }, holder.id, new Date("2024-01-20T10:00:00Z"))).toEqual({ ok: true });
    expect(recordFollowUp(db, project.id, { milestone: 36, jobsCreated: 5, ...answer }, holder.id, new Date("2026-02-01T10:00:00Z"))).toEqual({ ok: true });
    const jobs = current(pole.id, "emplois-crees");
    expect(jobs.current).toBe(5);
    // Read at the end of each month: 2 jobs until the 36-month answer in February, 5 from then on.
    expect(jobs.series.slice(-6)).toEqual([2, 5, 5, 5, 5, 5]);
    expect(current(pole.id, "survie-3-ans").current).toBe(100);
  });

  it("refuses a follow-up before its milestone, or before the launch is declared, with a French message", async () => {
    const db = getDb();
    const holder = await createTestHolder(db);
    const project = createTestProject(db, holder.id);
    const input = { milestone: 6, jobsCreated: 1, turnoverBand: "aucun", stillActive: true, comment: "" } as const;
    expect(recordFollowUp(db, project.id, input, holder.id, NOW)).toMatchObject({ ok: false, field: "milestone", message: "Indiquez d'abord la date de lancement de l'activité." });
    declareLaunch(db, project.id, "2026-03-01", NOW);
    expect(recordFollowUp(db, project.id, input, holder.id, NOW)).toMatchObject({ ok: false, field: "milestone", message: "Ce suivi s'ouvre le 01/09/2026." });
    expect(declareLaunch(db, project.id, "2027-01-01", NOW)).toMatchObject({ ok: false, field: "launchedOn" });
  });
});

describe("indicators the team enters", () => {
  it("keeps one figure per period with its note, and refuses a computed or another pôle's indicator", async () => {
    const db = getDb();
    const pole = createTestTerritory(db);
    const other = createTestTerritory(db);
    const animator = await createTestAnimator(db, pole.id);
    const saved = saveIndicator(db, pole.id, { ...computed(null), source: "saisi", name: "Tonnes de textiles réemployées", unit: "nombre", definition: "Pesées de la ressourcerie.", period: "trimestre", target: 40 }, NOW);
    if (!saved.ok) throw new Error(saved.message);
    expect(recordIndicatorValue(db, pole.id, { indicatorId: saved.id, day: "2026-05-10", value: 12, note: "Pesées d'avril et mai." }, animator.id, NOW)).toEqual({ ok: true, periodStart: "2026-04-01" });
    expect(recordIndicatorValue(db, pole.id, { indicatorId: saved.id, day: "2026-04-02", value: 14, note: "Pesées du trimestre." }, animator.id, NOW)).toMatchObject({ ok: true });
    expect(db.select().from(indicatorValues).where(eq(indicatorValues.indicatorId, saved.id)).all()).toHaveLength(1);
    const entered = poleImpactReport(db, pole.id, NOW)[0]!;
    expect(entered.series.at(-1)).toBe(14);
    expect(entered.notes.at(-1)).toBe("Pesées du trimestre.");
    expect(entered.progress).toEqual({ percent: 35, reached: false });

    expect(recordIndicatorValue(db, other.id, { indicatorId: saved.id, day: "2026-05-10", value: 1, note: "x" }, animator.id, NOW)).toMatchObject({ ok: false, status: 404 });
    const hours = saveIndicator(db, pole.id, computed("heures-accompagnement"), NOW);
    if (!hours.ok) throw new Error(hours.message);
    expect(recordIndicatorValue(db, pole.id, { indicatorId: hours.id, day: "2026-05-10", value: 1, note: "x" }, animator.id, NOW)).toMatchObject({ ok: false, status: 400 });
    expect(saveIndicator(db, pole.id, computed("heures-accompagnement"), NOW)).toMatchObject({ ok: false, status: 409, field: "metric" });
  });
});

describe("asking holders for their follow-up", () => {
  it("asks at the latest milestone reached, once, and not again once answered", async () => {
    const db = getDb();
    const holder = await createTestHolder(db);
    const project = createTestProject(db, holder.id);
    const launched = new Date(NOW.getTime() - 400 * 86_400_000);
    db.update(projects).set({ launchedOn: parisIsoDate(launched) }).where(eq(projects.id, project.id)).run();
    const told = () => db.select().from(notifications).where(eq(notifications.userId, holder.id)).all().filter((n) => n.kind === "suivi-activite");

    askFollowUps(db, NOW);
    askFollowUps(db, NOW);
    expect(told()).toHaveLength(1);
    expect(told()[0]).toMatchObject({ link: `/projets/${project.id}/suivi`, title: "« Épicerie de test » a 1 an : où en est votre activité ?" });

    recordFollowUp(db, project.id, { milestone: 12, jobsCreated: 1, turnoverBand: "aucun", stillActive: true, comment: "" }, holder.id, NOW);
    askFollowUps(db, new Date(NOW.getTime() + 86_400_000));
    expect(told()).toHaveLength(1);
  });
});
