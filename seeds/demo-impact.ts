/**
 * Demo impact for the two active pôles: launch dates declared for about a third of the published and
 * closed projects (porteur@'s first project among them), the holders' follow-ups at the milestones
 * reached, and each pôle's chosen indicators — computed ones with targets, and two the team enters
 * with the source of each figure. Figures are plausible for a rural pôle, not real ones.
 */
import { and, asc, inArray, sql } from "drizzle-orm";
import { projects, territoryCommunes } from "#db/schema";
import { milestoneDay, reachedMilestones } from "~/domain/impact/follow-up";
import { periodStartOf, recentPeriods } from "~/domain/impact/periods";
import { addIsoDays, DAY_MS, parisIsoDate } from "~/domain/paris-time";
import type { ImpactMetric, IndicatorPeriod, TurnoverBand } from "~/domain/vocabulary";
import { declareLaunch, recordFollowUp } from "~/models/follow-up.server";
import { recordIndicatorValue, saveIndicator, type IndicatorInput } from "~/models/indicator.server";
import { animationTeamIds, getTerritoryBySlug } from "~/models/territory.server";
import { parisDateTime } from "~/domain/paris-time";
import type { Db } from "~/utils/db.server";
import { SAMBRE_AVESNOIS, VALS_DE_SAINTONGE } from "./territories";

type Chosen = Partial<IndicatorInput> & { metric: ImpactMetric; period: IndicatorPeriod };
type Entered = { name: string; definition: string; period: IndicatorPeriod; target?: number; targetDate?: string; valoressDomain: IndicatorInput["valoressDomain"]; sdg: number; figures: number[]; note: string };

const CHOSEN: Record<string, { computed: Chosen[]; entered: Entered[] }> = {
  [VALS_DE_SAINTONGE.slug]: {
    computed: [
      { metric: "projets-lances", period: "annee", target: 12, targetDate: "2027-12-31" },
      { metric: "heures-accompagnement", period: "trimestre", target: 600 * 60, targetDate: "2027-06-30" },
      { metric: "euros-engages-clubs", period: "trimestre" },
      { metric: "emplois-crees", period: "annee", baseline: 0, target: 40, targetDate: "2028-12-31" },
      { metric: "survie-3-ans", period: "annee", target: 75, targetDate: "2028-12-31" },
      { metric: "participation-evenements", period: "trimestre" },
    ],
    entered: [
      {
        name: "Objets et textiles réemployés (tonnes)",
        definition: "Tonnes d'objets, de meubles et de textiles collectés puis revendus ou donnés par les structures de réemploi du pôle, d'après leurs pesées.",
        period: "trimestre",
        target: 30,
        targetDate: "2027-12-31",
        valoressDomain: "environnement",
        sdg: 12,
        figures: [4, 5, 7, 6, 8, 9],
        note: "Pesées trimestrielles de la recyclerie et de la ressourcerie, transmises à l'équipe d'animation.",
      },
    ],
  },
  [SAMBRE_AVESNOIS.slug]: {
    computed: [
      { metric: "accompagnements-actifs", period: "mois", target: 25, targetDate: "2027-06-30" },
      { metric: "euros-cagnotte", period: "mois" },
      { metric: "organisations-adherentes", period: "trimestre", target: 40, targetDate: "2027-12-31" },
      { metric: "besoins-repondus", period: "annee" },
      { metric: "emplois-crees", period: "annee" },
    ],
    entered: [
      {
        name: "Personnes en insertion accompagnées vers l'emploi",
        definition: "Salariés en parcours d'insertion des structures membres sortis vers un emploi ou une formation qualifiante dans le trimestre.",
        period: "trimestre",
        target: 20,
        targetDate: "2027-12-31",
        valoressDomain: "insertion-professionnelle",
        sdg: 8,
        figures: [9, 11, 8, 12, 14],
        note: "Bilans de sortie des chantiers d'insertion membres, compilés par la chargée de mission emploi.",
      },
    ],
  },
};

/** About half of the pôle's published and closed projects, oldest first. */
function launchedProjects(db: Db, territoryId: number) {
  return db
    .select({ id: projects.id, ownerId: projects.ownerId })
    .from(projects)
    .where(
      and(
        inArray(projects.status, ["publie", "clos"]),
        sql`${projects.communeCode} in (select ${territoryCommunes.communeCode} from ${territoryCommunes} where ${territoryCommunes.territoryId} = ${territoryId})`,
      ),
    )
    .orderBy(asc(projects.id))
    .all()
    .filter((p, i) => p.id === 1 || i % 2 === 0);
}

const BANDS: TurnoverBand[] = ["aucun", "moins-10k", "10k-50k", "50k-150k"];

function seedFollowUps(db: Db, territoryId: number, now: Date): void {
  const today = parisIsoDate(now);
  launchedProjects(db, territoryId).forEach((p, i) => {
    // porteur@'s first project: launched 400 days ago, 6 months answered, 1 year waiting for an answer.
    const daysAgo = p.id === 1 ? 400 : 120 + ((i * 337) % 1500);
    const launchedOn = parisIsoDate(now.getTime() - daysAgo * DAY_MS);
    const launched = declareLaunch(db, p.id, launchedOn, now);
    if (!launched.ok) throw new Error(launched.message);
    for (const milestone of reachedMilestones(launchedOn, today)) {
      if (p.id === 1 && milestone === 12) continue;
      // Some holders never answer.
      if ((p.id + milestone) % 5 === 0) continue;
      const answeredOn = addIsoDays(milestoneDay(launchedOn, milestone), 3 + (p.id % 9));
      const at = answeredOn > today ? now : parisDateTime(answeredOn, "10:00");
      const step = milestone === 6 ? 0 : milestone === 12 ? 1 : 2;
      const recorded = recordFollowUp(
        db,
        p.id,
        {
          milestone,
          jobsCreated: 1 + step + (p.id % 3),
          turnoverBand: BANDS[Math.min(BANDS.length - 1, step + (p.id % 2))]!,
          stillActive: !(milestone === 36 && p.id % 5 === 1),
          comment: "",
        },
        p.ownerId,
        at,
      );
      if (!recorded.ok) throw new Error(recorded.message);
    }
  });
}

function seedIndicators(db: Db, territoryId: number, slug: string, now: Date): void {
  const choice = CHOSEN[slug]!;
  const teamMember = animationTeamIds(db, territoryId)[0] ?? null;
  const base = { name: "", unit: "nombre", definition: "", baseline: 0, target: null, targetDate: null, valoressDomain: null, sdg: null } as const;
  for (const c of choice.computed) {
    const saved = saveIndicator(db, territoryId, { ...base, source: "calcule", ...c }, now);
    if (!saved.ok) throw new Error(saved.message);
  }
  for (const e of choice.entered) {
    const saved = saveIndicator(
      db,
      territoryId,
      { ...base, source: "saisi", metric: null, name: e.name, definition: e.definition, period: e.period, target: e.target ?? null, targetDate: e.targetDate ?? null, valoressDomain: e.valoressDomain, sdg: e.sdg },
      now,
    );
    if (!saved.ok) throw new Error(saved.message);
    if (teamMember === null) continue;
    // The figures of the last complete periods, oldest first (the period under way is not entered yet).
    const periods = recentPeriods(e.period, parisIsoDate(now)).slice(0, -1).slice(-e.figures.length);
    periods.forEach((period, k) => {
      const value = recordIndicatorValue(db, territoryId, { indicatorId: saved.id, day: periodStartOf(period.start, e.period), value: e.figures[k]!, note: e.note }, teamMember, now);
      if (!value.ok) throw new Error(value.message);
    });
  }
}

export function seedDemoImpact(db: Db, now: Date): void {
  for (const seed of [VALS_DE_SAINTONGE, SAMBRE_AVESNOIS]) {
    const territory = getTerritoryBySlug(db, seed.slug);
    if (!territory) continue;
    seedFollowUps(db, territory.id, now);
    seedIndicators(db, territory.id, seed.slug, now);
  }
}

