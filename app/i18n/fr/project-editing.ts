/** The words of the pages where a project holder writes a project: its form, its needs, its partners, its follow-up. */
export const projectEditing = {
  form: {
    title: "Titre du projet",
    titleHint: (max: number) => `${max} caractères au plus.`,
    pitch: "Le projet en une ou deux phrases",
    pitchHint: (max: number) => `Ce résumé apparaît dans les listes (${max} caractères au plus).`,
    description: "Description (facultative)",
    descriptionHint: (max: number) => `Le contexte, les clients visés, où vous en êtes (${max} caractères au plus).`,
    kind: "Je veux…",
    stage: "Étape du projet",
    legalForm: "Forme juridique envisagée",
    activityDomain: "Domaine d'activité",
    choose: "Choisir",
    commune: "Commune du projet",
    remoteOk: "Un accompagnement à distance me convient",
    jobsExpected: "Emplois prévus",
    jobsExpectedHint: "Le nombre d'emplois que le projet devrait créer, le vôtre compris (0 si vous ne savez pas encore).",
  },
  create: {
    metaTitle: "Nouveau projet — Maillon",
    eyebrow: "Créer",
    title: "Décrire mon projet",
    intro:
      "Votre projet reste un brouillon, visible de vous et de l'équipe d'animation de votre pôle, jusqu'à ce que vous le publiiez. Vous ajouterez ensuite ses besoins : compétences, financement.",
    submit: "Enregistrer le brouillon",
    saved: "Votre projet est enregistré comme brouillon. Ajoutez ses besoins, puis publiez-le.",
  },
  edit: {
    metaTitle: (title: string) => `Modifier « ${title} » — Maillon`,
    metaTitleUnknown: "Modifier un projet — Maillon",
    back: "← Retour au projet",
    title: "Modifier le projet",
    submit: "Enregistrer les modifications",
    saved: "Le projet a été modifié.",
  },
};
