/**
 * The impact pages through their real loaders and actions on real SQLite: /impact and a pôle's page
 * draw each indicator as an SVG chart beside a table of the same figures, the CSV holds them too, the
 * team's forms and the holder's follow-up answer in French at the field and store nothing when wrong,
 * and a follow-up moves the jobs created.
 */
import { eq } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { indicators, indicatorValues, projectFollowUps } from "#db/schema";
import { createTestAnimator, createTestTerritory } from "#seeds/factories";
import { createTestHolder, createTestMentorship, createTestProject, createTestVolunteer } from "#seeds/journey-factories";
import { ImpactIndicator } from "~/components/impact-indicator";
import { formatFigure } from "~/domain/impact/figures";
import { parisIsoDate } from "~/domain/paris-time";
import type { ReportedIndicator } from "~/models/indicator.server";
import { logSession } from "~/models/mentorship.server";
import type { Territory } from "~/models/territory.server";
import * as animationImpact from "~/routes/animation.impact";
import * as installPage from "~/routes/impact";
import * as installCsv from "~/routes/impact[.csv]";
import * as polePage from "~/routes/poles.$slug_.impact";
import * as poleCsv from "~/routes/poles.$slug_.impact[.csv]";
import * as followUpPage from "~/routes/projets.$id.suivi";
import { getDb, type Db } from "~/utils/db.server";
import { fieldErrors, get, initialValue, post } from "./helpers";

let db: Db;
let pole: Territory;

beforeAll(() => {
  db = getDb();
});

// A pôle of its own for each test: the team's indicators it adds (one per metric) stay out of the others' way.
beforeEach(() => {
  pole = createTestTerritory(db);
});

/** The page's HTML for one indicator, as the server renders it. */
const html = (indicator: ReportedIndicator) => renderToStaticMarkup(createElement(ImpactIndicator, { indicator }));
const barValues = (markup: string) => [...markup.matchAll(/<rect class="impact-chart__bar"[^>]*data-value="(\d+)"/g)].map((m) => Number(m[1]));
const tableValues = (markup: string) => [...markup.matchAll(/<td data-value="(\d*)">([^<]*)<\/td>/g)].map((m) => ({ raw: m[1] === "" ? null : Number(m[1]), shown: m[2]! }));

/** A CSV route's answer: status, type and text without its byte-order mark. */
async function csvOf(response: Response) {
  return { status: response.status, type: response.headers.get("Content-Type"), body: (await response.text()).replace(/^\uFEFF/, "") };
}

describe("/impact", () => {
  it("answers 200 with each indicator as an inline SVG chart and a table of the same figures, and follows a mentorship log", async () => {
    const hoursOf = async () => {
      const page = await get(installPage.loader, "/impact", null);
      expect(page.status).toBe(200);
      return (page.data as { indicators: ReportedIndicator[] }).indicators.find((i) => i.metric === "heures-accompagnement")!;
    };
    const before = await hoursOf();
    const holder = await createTestHolder(db);
    const volunteer = await createTestVolunteer(db);
    const project = createTestProject(db, holder.id);
    const mentorship = createTestMentorship(db, project.needIds[0]!, volunteer.id);
    expect(logSession(db, mentorship, volunteer.id, { heldOn: parisIsoDate(new Date()), durationMinutes: 120, topic: "Prévisionnel", notes: "" }, new Date())).toEqual({ ok: true });
    const hours = await hoursOf();
    expect(hours.series.at(-1)! - before.series.at(-1)!).toBe(120);

    const markup = html(hours);
    expect(markup).toMatch(/<svg[^>]*role="img"/);
    expect(markup).toMatch(/<title id="heures-accompagnement-titre-graphique">Heures d&#x27;accompagnement — par trimestre<\/title>/);
    expect(markup).toContain("<desc");
    expect(markup).toContain("<table");
    expect(markup).not.toMatch(/ style=/);
    const cells = tableValues(markup);
    expect(cells.map((c) => c.raw)).toEqual(hours.series);
    expect(barValues(markup)).toEqual(hours.series.filter((v) => v !== null));
    expect(cells.at(-1)!.shown).toBe(formatFigure(hours.series.at(-1)!, "heures"));
  });

  it("offers the figures as CSV: UTF-8, comma, one header row, a line per indicator and period", async () => {
    const res = (await installCsv.loader({ request: new Request("http://localhost/impact.csv"), params: {}, context: {} } as never)) as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/csv; charset=utf-8/);
    const lines = (await res.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("pole,indicateur,mesure,unite,source,periodicite,debut_periode,fin_periode,valeur,valeur_depart,cible,date_cible,domaine_valoress,odd,note");
    expect(lines).toHaveLength(1 + 12 * 8);
    expect(lines.filter((l) => l.includes(",heures-accompagnement,"))).toHaveLength(8);
  });
});

describe("a pôle's indicators, chosen by its team", () => {
  it("refuses a bad indicator with French messages at the fields, keeps what was typed and stores nothing", async () => {
    const animator = await createTestAnimator(db, pole.id);
    const count = () => db.select().from(indicators).where(eq(indicators.territoryId, pole.id)).all().length;
    const path = `/animation/impact?pole=${pole.slug}`;
    const noName = await post(animationImpact.action, path, animator.id, { intent: "save", source: "saisi", unit: "euros", definition: "", period: "mois", target: "douze", targetDate: "2026-12-31" });
    expect(noName.status).toBe(400);
    expect(fieldErrors(noName)).toMatchObject({
      name: ["Donnez un nom à l'indicateur (au moins 3 caractères)."],
      definition: ["Dites ce que l'indicateur mesure et d'où viennent les chiffres (au moins 10 caractères)."],
      target: ["Indiquez un montant en euros, par exemple 1500 ou 1500,50."],
    });
    expect(initialValue(noName)).toMatchObject({ target: "douze", unit: "euros" });
    const noMetric = await post(animationImpact.action, path, animator.id, { intent: "save", source: "calcule", period: "mois" });
    expect(fieldErrors(noMetric)).toMatchObject({ metric: ["Choisissez ce que l'indicateur compte."] });
    const noDate = await post(animationImpact.action, path, animator.id, { intent: "save", source: "calcule", metric: "projets-lances", period: "annee", target: "12" });
    expect(fieldErrors(noDate)).toMatchObject({ targetDate: ["Indiquez la date à laquelle la cible doit être atteinte."] });
    expect(count()).toBe(0);
  });

  it("adds a computed and an entered indicator, takes a figure with its note, and shows both on the pôle's page and CSV", async () => {
    const animator = await createTestAnimator(db, pole.id);
    const path = `/animation/impact?pole=${pole.slug}`;
    const computed = await post(animationImpact.action, path, animator.id, { intent: "save", source: "calcule", metric: "emplois-crees", period: "trimestre", baseline: "0", target: "30", targetDate: "2027-12-31", sdg: "8" });
    expect(computed).toMatchObject({ status: 302, flash: "L'indicateur est ajouté : il figure sur la page d'impact du pôle." });
    const entered = await post(animationImpact.action, path, animator.id, { intent: "save", source: "saisi", name: "Repas servis par la cantine solidaire", unit: "nombre", definition: "Repas comptés à la caisse de la cantine.", period: "mois", valoressDomain: "lien-social" });
    expect(entered.status).toBe(302);
    const enteredId = db.select().from(indicators).where(eq(indicators.territoryId, pole.id)).all().find((i) => i.source === "saisi")!.id;

    const valuesBefore = db.select().from(indicatorValues).all().length;
    const noNote = await post(animationImpact.action, path, animator.id, { intent: "value", indicatorId: String(enteredId), day: parisIsoDate(new Date()), value: "1 240" });
    expect(fieldErrors(noNote)).toMatchObject({ note: ["Dites d'où vient ce chiffre (comptage, enquête, document)."] });
    const decimal = await post(animationImpact.action, path, animator.id, { intent: "value", indicatorId: String(enteredId), day: parisIsoDate(new Date()), value: "12,5", note: "Caisse du mois." });
    expect(fieldErrors(decimal)).toMatchObject({ value: ["Indiquez un nombre entier, sans décimale."] });
    expect(db.select().from(indicatorValues).all().length).toBe(valuesBefore);
    const saved = await post(animationImpact.action, path, animator.id, { intent: "value", indicatorId: String(enteredId), day: parisIsoDate(new Date()), value: "1 240", note: "Caisse du mois." });
    expect(saved.status).toBe(302);

    const page = await get(polePage.loader, `/poles/${pole.slug}/impact`, null, { slug: pole.slug });
    expect(page.status).toBe(200);
    const shown = (page.data as { indicators: ReportedIndicator[] }).indicators;
    expect(shown.map((i) => i.name)).toEqual(["Emplois créés", "Repas servis par la cantine solidaire"]);
    const meals = shown[1]!;
    expect(meals.series.at(-1)).toBe(1240);
    const markup = html(meals);
    expect(markup).toContain("Caisse du mois.");
    expect(tableValues(markup).at(-1)).toEqual({ raw: 1240, shown: "1\u202f240" });

    const csv = await csvOf(poleCsv.loader({ request: new Request(`http://localhost/poles/${pole.slug}/impact.csv`), params: { slug: pole.slug }, context: {} } as never));
    expect(csv.status).toBe(200);
    const last = csv.body.trimEnd().split("\r\n").at(-1)!;
    expect(last).toContain(`${pole.name},Repas servis par la cantine solidaire,,nombre,saisi,mois,`);
    expect(last).toContain(",1240,0,,,lien-social,,Caisse du mois.");
  });
});

describe("the holder's follow-up", () => {
  it("records the launch, then an answer that moves the pôle's jobs created; bad input gets French messages and stores nothing", async () => {
    const holder = await createTestHolder(db);
    const project = createTestProject(db, holder.id);
    const animator = await createTestAnimator(db, pole.id);
    await post(animationImpact.action, `/animation/impact?pole=${pole.slug}`, animator.id, { intent: "save", source: "calcule", metric: "emplois-crees", period: "trimestre" });
    const jobs = async () => ((await get(polePage.loader, `/poles/${pole.slug}/impact`, null, { slug: pole.slug })).data as { indicators: ReportedIndicator[] }).indicators.find((i) => i.metric === "emplois-crees")!.current!;
    const path = `/projets/${project.id}/suivi`;
    const params = { id: String(project.id) };
    const before = await jobs();

    const future = await post(followUpPage.action, path, holder.id, { intent: "launch", launchedOn: "2999-01-01" }, params);
    expect(fieldErrors(future)).toMatchObject({ launchedOn: ["La date de lancement ne peut pas être dans le futur."] });
    const launchedOn = parisIsoDate(new Date(Date.now() - 200 * 86_400_000));
    expect(await post(followUpPage.action, path, holder.id, { intent: "launch", launchedOn }, params)).toMatchObject({ status: 302 });

    const rows = () => db.select().from(projectFollowUps).where(eq(projectFollowUps.projectId, project.id)).all().length;
    const bad = await post(followUpPage.action, path, holder.id, { intent: "answer", milestone: "6", jobsCreated: "-2", comment: "Un bon début" }, params);
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad)).toMatchObject({
      jobsCreated: ["Le nombre d'emplois ne peut pas être négatif."],
      turnoverBand: ["Choisissez la tranche de chiffre d'affaires."],
      stillActive: ["Dites si l'activité se poursuit."],
    });
    expect(initialValue(bad)).toMatchObject({ comment: "Un bon début", jobsCreated: "-2" });
    const tooEarly = await post(followUpPage.action, path, holder.id, { intent: "answer", milestone: "12", jobsCreated: "2", turnoverBand: "moins-10k", stillActive: "oui" }, params);
    expect(tooEarly.status).toBe(400);
    expect(fieldErrors(tooEarly).milestone?.[0]).toMatch(/^Ce suivi s'ouvre le /);
    expect(rows()).toBe(0);
    expect(await jobs()).toBe(before);

    const answered = await post(followUpPage.action, path, holder.id, { intent: "answer", milestone: "6", jobsCreated: "3", turnoverBand: "10k-50k", stillActive: "oui" }, params);
    expect(answered).toMatchObject({ status: 302, flash: "Merci : votre suivi à 6 mois est enregistré." });
    expect(await jobs()).toBe(before + 3);
  });
});
