/** The home page, its cards of paths and pôles, and the pages of the three paths. */
import { ROLE_LABELS } from "~/domain/catalog";

export const home = {
  title: "Coopérer pour entreprendre sur son territoire",
  intro:
    "Maillon est la plateforme des pôles territoriaux de coopération économique : des structures de l'économie sociale et solidaire, des entreprises, des collectivités et des organismes de formation qui choisissent la coopération plutôt que la concurrence. On y crée son activité, on y accompagne les créateurs, on y place son épargne dans des projets d'ici.",
  mySpace: "Mon espace",
  join: "Rejoindre le réseau",
  haveAccount: "J'ai déjà un compte",
  pathsTitle: "Trois façons de participer",
  polesTitle: "Les pôles sur Maillon",
  noPole: "Aucun pôle n'est encore inscrit.",
  seeAllPoles: (count: string) => `Voir les ${count} pôles sur la carte`,
  stats: {
    holders: (n: number) => (n < 2 ? "porteur de projet" : "porteurs de projets"),
    volunteers: (n: number) => (n < 2 ? "bénévole" : "bénévoles"),
    savers: (n: number) => (n < 2 ? "épargnant" : "épargnants"),
  },
  paths: {
    more: "En savoir plus",
    moreAbout: (title: string) => ` : ${title.toLowerCase()}`,
    roles: ROLE_LABELS,
    missingRole: (role: string) => `Votre compte n'a pas le rôle « ${role} » : vous pouvez l'ajouter dans`,
    myAccount: "Mon compte",
    goToSpace: "Aller à mon espace",
    create: {
      eyebrow: "Créer",
      title: "Créer une activité",
      intro: "Vous voulez vous lancer près de chez vous :",
      items: [
        "vous mettre à votre compte ou vous associer pour entreprendre ;",
        "ouvrir un commerce ou un atelier artisanal ;",
        "proposer un service, lancer un produit ou une innovation.",
      ],
      outro: "Des accompagnants du réseau vous épaulent et votre projet s'enracine dans le territoire.",
      signUp: "Je m'inscris comme porteur de projet",
    },
    accompany: {
      eyebrow: "Accompagner",
      title: "Accompagner un créateur",
      intro: "Chef d'entreprise, salarié, retraité ou étudiant, vous avez des compétences à partager :",
      items: ["marketing, communication, commercial ;", "comptabilité, fiscalité, gestion administrative ;", "techniques de financement."],
      outro: "Vous choisissez combien de projets suivre, et où.",
      signUp: "Je m'inscris comme bénévole",
    },
    finance: {
      eyebrow: "Financer",
      title: "Financer des projets",
      intro: "Votre épargne peut travailler ici :",
      items: [
        "investir dans un projet qui vous plaît ;",
        "rejoindre un club d'épargnants (CIGALES), une cagnotte ou une tontine ;",
        "donner tout de suite à la cagnotte solidaire.",
      ],
      outro: "Maillon enregistre les engagements ; l'argent passe par virement, jamais par le site.",
      signUp: "Je m'inscris comme épargnant",
    },
  },
};
