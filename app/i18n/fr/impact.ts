import { describePeriod } from "~/domain/impact/periods";
import type { IndicatorPeriod } from "~/domain/vocabulary";

/** The words of the impact pages: the whole install's figures and each indicator's card, chart and table. */
export const impact = {
  page: {
    metaTitle: "L'impact des pôles — Maillon",
    metaDescription:
      "Projets lancés, heures d'accompagnement, euros engagés localement, emplois créés : les chiffres de tous les pôles de Maillon.",
    title: "L'impact des pôles",
    intro:
      "Ce que les pôles de Maillon changent sur leurs territoires, calculé chaque jour à partir de ce qui se fait sur la plateforme : projets, accompagnements bénévoles, épargne solidaire, besoins satisfaits, rencontres. Les emplois créés et la survie des activités viennent des suivis que les porteurs remplissent 6 mois, 1 an et 3 ans après le lancement. Chaque pôle choisit ses propres indicateurs et leurs cibles : voyez-les sur la page d'impact de chaque pôle.",
    download: "Télécharger les chiffres (CSV)",
    perPoleTitle: "Les indicateurs de chaque pôle",
    perPoleIntro:
      "Les pôles qui ont choisi leurs indicateurs et leurs cibles ; les autres les choisiront depuis leur espace d'animation. Tous les pôles sont dans",
    directory: "l'annuaire",
  },
  csvAllPoles: "Tous les pôles",
  indicator: {
    /** « mars 2026 », « 1er trimestre 2026 », « 2026 »: the domain's French. */
    periodLabel: (start: string, period: IndicatorPeriod) => describePeriod(start, period).label,
    /** Under a bar: « mars », « T1 26 », « 2026 ». */
    periodShortLabel: (start: string, period: IndicatorPeriod) => describePeriod(start, period).shortLabel,
    flowTotal: {
      mois: (count: number) => `Total des ${count} derniers mois`,
      trimestre: (count: number) => `Total des ${count} derniers trimestres`,
      annee: (count: number) => `Total des ${count} dernières années`,
    },
    lastValue: "Dernière valeur connue",
    hours: (hours: string) => `${hours}\u00a0h`,
    percent: (percent: string) => `${percent}\u00a0%`,
    tickHours: (hours: string) => `${hours} h`,
    tickPercent: (percent: string) => `${percent} %`,
    noFigure: (first: string, last: string) => `Aucun chiffre de ${first} à ${last}.`,
    chartTrend: (trend: string) => ` Tendance ${trend}.`,
    chartTarget: (target: string) => ` Ligne pointillée : la cible, ${target}.`,
    chartDescription: (first: string, last: string, top: string, topPeriod: string, trend: string, target: string) =>
      `Diagramme en barres, une barre par période, de ${first} à ${last}. Valeur la plus haute : ${top} (${topPeriod}).${trend}${target} Les chiffres sont dans le tableau qui suit.`,
    target: (target: string, by: string | null, baseline: string) =>
      `Cible : ${target}${by ? ` au ${by}` : ""}, en partant de ${baseline}.`,
    valoress: (domain: string) => `VALOR'ESS : ${domain}`,
    sdg: (sdg: number, label: string) => `ODD ${sdg} — ${label}`,
    progressLabel: (percent: number) => `Progression vers la cible : ${percent} %`,
    reached: "Cible atteinte.",
    progress: (percent: number) => `Progression vers la cible : ${percent} %.`,
    trend: (trend: string | null) => `Tendance sur la période : ${trend ?? "pas assez de chiffres pour le dire"}.`,
    caption: (name: string) => `${name} : les chiffres par période`,
    period: "Période",
    value: "Valeur",
    source: "Source du chiffre",
  },
};
