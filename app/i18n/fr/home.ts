/** The home page, its cards of paths and pôles, and the pages of the three paths. */
import { ROLE_LABELS } from "~/domain/catalog";
import { ofName } from "~/domain/french-grammar";

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
      page: {
        metaTitle: "Créer une activité — Maillon",
        describe: "Décrire mon projet",
        myPoleProjects: "Voir les projets de mon pôle",
        howTitle: "Comment ça marche",
        steps: [
          "Vous décrivez votre projet et ce dont il a besoin : compétences, associés, financement.",
          "Maillon vous propose des bénévoles de votre secteur, en expliquant chaque proposition.",
          "Un accompagnement de deux ans environ, à raison d'une ou deux rencontres par mois.",
          "Les clubs d'épargnants et la cagnotte solidaire du pôle peuvent vous financer.",
        ],
        publishedLink: "Voir les projets déjà publiés",
        publishedAfter: " : ce qu'ils font, où, et ce qu'ils cherchent.",
      },
    },
    accompany: {
      eyebrow: "Accompagner",
      title: "Accompagner un créateur",
      intro: "Chef d'entreprise, salarié, retraité ou étudiant, vous avez des compétences à partager :",
      items: ["marketing, communication, commercial ;", "comptabilité, fiscalité, gestion administrative ;", "techniques de financement."],
      outro: "Vous choisissez combien de projets suivre, et où.",
      signUp: "Je m'inscris comme bénévole",
      page: {
        metaTitle: "Accompagner un créateur — Maillon",
        profile: "Mon profil de bénévole",
        projectsForMe: "Voir les projets pour moi",
        commitmentTitle: "Votre engagement, à votre mesure",
        points: [
          "Vous indiquez vos compétences, votre niveau et la distance que vous acceptez de parcourir.",
          "Vous fixez le nombre de projets que vous suivez en même temps ; vous pouvez faire une pause.",
          "Chaque proposition de Maillon dit pourquoi vous et ce projet pourriez travailler ensemble.",
        ],
      },
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
      page: {
        metaTitle: "Financer des projets — Maillon",
        clubsTitle: "Les clubs CIGALES",
        clubsText:
          "Un club d'investisseurs pour une gestion alternative et locale de l'épargne solidaire réunit de 5 à 20 personnes qui épargnent chaque mois, souvent quelques dizaines d'euros, et décident ensemble des entreprises locales où placer cet argent. Le club reste minoritaire et deux de ses membres suivent l'entreprise après l'investissement.",
        clubsLink: "Voir les clubs et en créer un",
        fundTitle: "La cagnotte solidaire",
        fundText:
          "Chacun peut donner, même peu, à la cagnotte du pôle ; l'équipe d'animation la répartit entre des projets du territoire et publie chaque attribution.",
        fundOf: (pole: string) => `La cagnotte solidaire ${ofName(pole)}`,
        directTitle: "Soutenir un projet directement, ou en tontine",
        directBefore: "Chaque projet publié qui cherche de l'argent peut recevoir votre promesse de soutien, depuis sa page (voir",
        directLink: "les projets qui cherchent encore un financement",
        directMiddle: "). Avec des proches, une",
        tontineLink: "tontine",
        directAfter: "fait tourner l'épargne de chacun.",
        noPayment: "Aucun paiement ne passe par Maillon",
        noPaymentAfter: " : le site enregistre les engagements, les versements se font par virement.",
      },
    },
  },
};
