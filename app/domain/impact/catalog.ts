/**
 * What each computed indicator counts, and the French words of the impact pages: units, periods,
 * VALOR'ESS domains, the UN sustainable development goals, turnover bands.
 */
import type { ImpactMetric, IndicatorPeriod, IndicatorSource, IndicatorUnit, TurnoverBand, ValoressDomain } from "../vocabulary";

/**
 * How a metric's figure for a period is read: `flux` what happened during the period (summed over
 * periods for the progress), `niveau` the state on the period's last day, `taux` a percentage on
 * that day. An entered indicator is read as a `niveau`: its latest figure is its current value.
 */
export type MetricKind = "flux" | "niveau" | "taux";

export type MetricDefinition = {
  name: string;
  unit: IndicatorUnit;
  kind: MetricKind;
  definition: string;
  valoressDomain: ValoressDomain;
  sdg: number;
};

export const METRIC_DEFINITIONS: Readonly<Record<ImpactMetric, MetricDefinition>> = {
  "projets-deposes": {
    name: "Projets déposés",
    unit: "nombre",
    kind: "flux",
    definition: "Projets publiés sur Maillon par leurs porteurs dans la période, sur les communes du pôle.",
    valoressDomain: "dynamique-economique",
    sdg: 8,
  },
  "projets-lances": {
    name: "Activités lancées",
    unit: "nombre",
    kind: "flux",
    definition: "Projets dont la personne qui les porte a déclaré le démarrage de l'activité dans la période.",
    valoressDomain: "dynamique-economique",
    sdg: 8,
  },
  "accompagnements-actifs": {
    name: "Accompagnements en cours",
    unit: "nombre",
    kind: "niveau",
    definition: "Accompagnements bénévoles acceptés et pas encore terminés au dernier jour de la période.",
    valoressDomain: "developpement-savoirs",
    sdg: 4,
  },
  "heures-accompagnement": {
    name: "Heures d'accompagnement",
    unit: "heures",
    kind: "flux",
    definition: "Durée des rencontres notées au journal des accompagnements, tenues dans la période.",
    valoressDomain: "developpement-savoirs",
    sdg: 4,
  },
  "euros-promis": {
    name: "Promesses des épargnants",
    unit: "euros",
    kind: "flux",
    definition: "Montant des promesses de soutien faites en direct par des épargnants dans la période, hors promesses annulées.",
    valoressDomain: "developpement-territorial",
    sdg: 8,
  },
  "euros-engages-clubs": {
    name: "Engagements des clubs d'épargnants",
    unit: "euros",
    kind: "flux",
    definition: "Montant engagé par les clubs d'épargnants (CIGALES) dans les projets du pôle au cours de la période.",
    valoressDomain: "developpement-territorial",
    sdg: 8,
  },
  "euros-cagnotte": {
    name: "Dons à la cagnotte solidaire",
    unit: "euros",
    kind: "flux",
    definition: "Montant des dons reçus par la cagnotte solidaire du pôle dans la période.",
    valoressDomain: "lien-social",
    sdg: 10,
  },
  "emplois-crees": {
    name: "Emplois créés",
    unit: "nombre",
    kind: "niveau",
    definition: "Emplois créés que les porteurs ont déclarés lors de leur dernier suivi (6, 12 ou 36 mois après le lancement), à la fin de la période.",
    valoressDomain: "emploi",
    sdg: 8,
  },
  "besoins-repondus": {
    name: "Besoins du territoire satisfaits",
    unit: "nombre",
    kind: "flux",
    definition: "Besoins non couverts du territoire que l'équipe d'animation a déclarés répondus dans la période.",
    valoressDomain: "developpement-territorial",
    sdg: 11,
  },
  "organisations-adherentes": {
    name: "Organisations membres",
    unit: "nombre",
    kind: "niveau",
    definition: "Organisations dont l'adhésion au pôle est confirmée au dernier jour de la période.",
    valoressDomain: "gouvernance-democratique",
    sdg: 17,
  },
  "participation-evenements": {
    name: "Participation aux rencontres",
    unit: "nombre",
    kind: "flux",
    definition: "Présences notées par les organisateurs aux rencontres de l'agenda tenues dans la période.",
    valoressDomain: "lien-social",
    sdg: 17,
  },
  "survie-3-ans": {
    name: "Activités toujours en place à 3 ans",
    unit: "pourcentage",
    kind: "taux",
    definition: "Part des activités encore en place parmi celles dont le porteur a répondu au suivi des 36 mois, à la fin de la période.",
    valoressDomain: "dynamique-economique",
    sdg: 8,
  },
};

export const UNIT_LABELS: Readonly<Record<IndicatorUnit, string>> = {
  nombre: "Nombre",
  euros: "Euros",
  heures: "Heures",
  pourcentage: "Pourcentage",
};

export const PERIOD_LABELS: Readonly<Record<IndicatorPeriod, string>> = {
  mois: "Par mois",
  trimestre: "Par trimestre",
  annee: "Par année",
};

export const SOURCE_LABELS: Readonly<Record<IndicatorSource, string>> = {
  calcule: "Calculé à partir des données de Maillon",
  saisi: "Saisi par l'équipe d'animation",
};

/** The 13 domains of social impact of VALOR'ESS as Maillon words them (ADR 023: unverified wording). */
export const VALORESS_DOMAIN_LABELS: Readonly<Record<ValoressDomain, string>> = {
  "developpement-savoirs": "Développement des savoirs et des compétences",
  sante: "Amélioration de la santé",
  "insertion-professionnelle": "Insertion professionnelle",
  emploi: "Création et qualité de l'emploi",
  "lien-social": "Lien social",
  "acces-droits": "Accès aux droits",
  autonomie: "Autonomie des personnes",
  environnement: "Préservation de l'environnement",
  "developpement-territorial": "Développement du territoire",
  "dynamique-economique": "Dynamique économique locale",
  culture: "Accès à la culture",
  mobilite: "Mobilité",
  "gouvernance-democratique": "Gouvernance démocratique et coopération",
};

/** The UN sustainable development goals (objectifs de développement durable), by number. */
export const SDG_LABELS: Readonly<Record<number, string>> = {
  1: "Pas de pauvreté",
  2: "Faim « zéro »",
  3: "Bonne santé et bien-être",
  4: "Éducation de qualité",
  5: "Égalité entre les sexes",
  6: "Eau propre et assainissement",
  7: "Énergie propre et d'un coût abordable",
  8: "Travail décent et croissance économique",
  9: "Industrie, innovation et infrastructure",
  10: "Inégalités réduites",
  11: "Villes et communautés durables",
  12: "Consommation et production responsables",
  13: "Mesures relatives à la lutte contre les changements climatiques",
  14: "Vie aquatique",
  15: "Vie terrestre",
  16: "Paix, justice et institutions efficaces",
  17: "Partenariats pour la réalisation des objectifs",
};

export function sdgLabel(sdg: number): string {
  return `ODD ${sdg} — ${SDG_LABELS[sdg] ?? ""}`;
}

export const TURNOVER_BAND_LABELS: Readonly<Record<TurnoverBand, string>> = {
  aucun: "Pas encore de chiffre d'affaires",
  "moins-10k": "Moins de 10 000 € par an",
  "10k-50k": "De 10 000 € à 50 000 € par an",
  "50k-150k": "De 50 000 € à 150 000 € par an",
  "150k-500k": "De 150 000 € à 500 000 € par an",
  "plus-500k": "Plus de 500 000 € par an",
};

/** How an indicator is read: a computed one by its metric, an entered one as a level. */
export function kindOf(metric: ImpactMetric | null): MetricKind {
  return metric ? METRIC_DEFINITIONS[metric].kind : "niveau";
}
