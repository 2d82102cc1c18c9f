/** The words of mentoring: the volunteer's profile and suggestions, a mentorship's page, its summary and endorsement. */
export const mentoring = {
  offerHelp: {
    message: "Message au porteur ou à la porteuse (facultatif)",
    submit: "Proposer mon aide",
  },
  score: {
    srLabel: " : score de correspondance",
    details: "Détail du score",
    caption: "Détail du score, critère par critère",
    criterion: "Critère",
    satisfied: "Satisfait à",
    weight: "Poids",
    points: "Points",
    percent: (value: string) => `${value} %`,
  },
  skillNeed: {
    skill: "Compétence recherchée",
    choose: "Choisir",
    priority: "Priorité",
    expectation: "Ce que j'attends de l'accompagnant (facultatif)",
    expectationHint: "Par exemple : relire mon prévisionnel, m'aider à fixer mes prix.",
    hours: "Heures par mois souhaitées",
    hoursHint: "Une ou deux rencontres par mois, soit 2 à 4 heures, est l'usage.",
  },
  forMe: {
    metaTitle: "Projets pour moi — Maillon",
    eyebrow: "Accompagner",
    title: "Projets pour moi",
    noProfileBefore: "Pour que Maillon vous propose des projets,",
    noProfileLink: "complétez votre profil de bénévole",
    noProfileAfter: ": vos compétences, votre secteur, votre disponibilité.",
    intro:
      "Les besoins des projets publiés, classés selon vos compétences, la distance et vos disponibilités. Chaque proposition dit pourquoi.",
    editProfile: "Modifier mon profil",
    paused: "Votre accompagnement est en pause : reprenez-le dans votre profil pour proposer votre aide.",
    project: "projet",
    full: (projects: string, max: number, maxText: string) =>
      `Vous suivez déjà ${projects} sur ${maxText} possible${max > 1 ? "s" : ""} : Maillon ne vous propose pas d'autre projet tant qu'une place n'est pas libre. Vous pouvez augmenter ce nombre dans votre profil.`,
    empty: "Aucun besoin ne correspond à votre profil pour l'instant. Revenez bientôt, ou élargissez votre secteur.",
    priority: "priorité",
    forWhat: (project: string, skill: string) => `pour « ${project} » en ${skill}`,
    invalid: "Proposition invalide.",
    sent: "Votre proposition d'aide est envoyée au porteur ou à la porteuse du projet.",
  },
};
