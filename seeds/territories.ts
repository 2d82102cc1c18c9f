/**
 * The two pôles of the demo that have members, as plain data. Texts are paraphrased from the
 * public pages of each PTCE (seeds 000, 002 and 004), never copied. The other pôles of the
 * directory are in seeds/poles.ts.
 */
import type { NewTerritory } from "~/models/territory.server";
import { epciMemberCodes } from "~/utils/epci.server";

/** What a pôle is made of, before its perimeter is resolved to communes. */
export type TerritorySeed = Omit<NewTerritory, "communeCodes"> & {
  /** SIREN codes of the intercommunalités (EPCI) forming the perimeter. */
  epciCodes: readonly string[];
};

export const VALS_DE_SAINTONGE = {
  slug: "vals-de-saintonge",
  name: "PTCE des Vals de Saintonge",
  area: "Vals de Saintonge",
  description:
    "Autour de Saint-Jean-d'Angély, le pôle réunit habitants, élus et acteurs économiques " +
    "pour faire naître des activités de proximité d'une autre manière. Porteurs de projets, " +
    "bénévoles prêts à transmettre leur savoir-faire et épargnants regroupés en clubs avancent " +
    "en collectifs : le créateur n'est plus seul, il accède à des réseaux et trouve plus " +
    "facilement de quoi financer son activité. Une équipe d'animation, un groupe opérationnel " +
    "et un comité de pilotage coordonnent l'ensemble autour d'une charte partagée.",
  contactEmail: "contact@cooperer-en-saintonge.org",
  address: "8 rue de l'Hôtel de Ville, 17400 Saint-Jean-d'Angély",
  phone: "09 53 50 27 59",
  openingHours:
    "Accueil du public le lundi et le vendredi de 15 h à 17 h, sur rendez-vous ou non (jours ouvrés). " +
    "Les locaux donnent sur le marché, à l'étage au-dessus du U Express ; on se gare gratuitement tout près.",
  seatCommuneCode: "17347", // Saint-Jean-d'Angély
  departmentCodes: ["17"],
  epciCodes: ["200041689"], // CC Vals de Saintonge Communauté
  axes: [
    {
      name: "Création d'activités de proximité",
      theme: "creation-activites",
      description:
        "Aider chacun à se mettre à son compte, ouvrir un commerce ou un atelier, proposer un " +
        "service dans son quartier ou sa commune, au sein d'un collectif de porteurs qui s'entraident.",
      groups: [
        {
          slug: "collectif-des-porteurs",
          name: "Collectif des porteurs de projets",
          purpose:
            "Les créateurs se retrouvent régulièrement pour avancer ensemble, se prêter main-forte et ne " +
            "plus entreprendre seuls.",
        },
      ],
    },
    {
      name: "Accompagnement par les pairs",
      theme: "creation-activites",
      description:
        "Des chefs d'entreprise, salariés, retraités ou étudiants mettent leurs compétences " +
        "(gestion, comptabilité, communication, financement…) au service des créateurs.",
      groups: [
        {
          slug: "collectif-des-accompagnants",
          name: "Collectif des bénévoles accompagnants",
          purpose:
            "Les bénévoles partagent leurs méthodes de parrainage et se répartissent les demandes des " +
            "porteurs selon leurs compétences.",
        },
      ],
    },
    {
      name: "Épargne de proximité",
      theme: "finance-solidaire",
      description:
        "Clubs CIGALES, tontines et cagnotte solidaire : l'épargne des habitants finance des " +
        "projets du territoire et en fait émerger d'autres.",
      groups: [
        {
          slug: "epargnants-associes",
          name: "Épargnants associés",
          purpose:
            "Réunir les clubs d'épargnants et les donateurs de la cagnotte pour choisir ensemble les " +
            "projets locaux à soutenir.",
        },
      ],
    },
    {
      name: "Maraîchage bio et alimentation locale",
      theme: "alimentation",
      description:
        "Structurer une filière de maraîchage biologique et installer avec les habitants des " +
        "potagers partagés, avec le soutien des commerçants du coin.",
      groups: [
        {
          slug: "filiere-maraichage-bio",
          name: "Comité de pilotage de la filière maraîchage bio",
          purpose: "Piloter la naissance d'une filière de maraîchage biologique sur les Vals de Saintonge.",
        },
        {
          slug: "potagers-partages",
          name: "Potagers partagés",
          purpose:
            "Construire et garnir des bacs potagers en libre service avec les habitants d'une résidence, " +
            "grâce au bois, à la terre et aux plants offerts par des commerces voisins.",
        },
      ],
    },
    {
      name: "Emploi solidaire",
      theme: "emploi-insertion",
      description:
        "Faire connaître le pôle et mobiliser lycéens, étudiants et entreprises autour de " +
        "l'emploi solidaire, par des rencontres ouvertes à tous entre les communes.",
      // Its group, the « Ronde saintongeaise », is seeded with its coordinator and members (seeds/demo-pole-life.ts).
    },
  ],
} as const satisfies TerritorySeed;

export const SAMBRE_AVESNOIS = {
  slug: "sambre-avesnois",
  name: "COTESS Sambre-Avesnois",
  area: "Sambre-Avesnois",
  description:
    "Dans un pays de bocage éprouvé par le déclin industriel, le pôle mise sur la coopération " +
    "plutôt que sur la concurrence : structures de l'économie sociale et solidaire, entreprises " +
    "classiques, collectivités, université et société civile y travaillent ensemble. Ses groupes " +
    "thématiques mutualisent compétences et bonnes pratiques, ouvrent de nouvelles activités et " +
    "aident les entreprises de l'ESS à se faire reconnaître, à répondre aux marchés publics et à " +
    "mesurer leur utilité sociale.",
  contactEmail: null,
  address: null,
  seatCommuneCode: "59392", // Maubeuge
  departmentCodes: ["59"],
  epciCodes: [
    "200043396", // CA Maubeuge Val de Sambre
    "200043263", // CC Cœur de l'Avesnois
    "200043321", // CC du Pays de Mormal
    "200043404", // CC du Sud Avesnois
  ],
  axes: [
    {
      name: "Entrepreneuriat social",
      theme: "creation-activites",
      description:
        "Animer et promouvoir l'entrepreneuriat social, et aider les structures de l'ESS à " +
        "répondre ensemble à la commande publique.",
      groups: [
        {
          slug: "commande-publique",
          name: "Commande publique et ESS",
          purpose: "Préparer à plusieurs des réponses aux marchés publics du territoire.",
        },
      ],
    },
    {
      name: "Alimentation durable",
      theme: "alimentation",
      description:
        "Circuits courts, productions du terroir comme le maroilles, et accès de tous à une " +
        "alimentation de qualité.",
      groups: [
        {
          slug: "circuits-courts",
          name: "Circuits courts et produits du bocage",
          purpose: "Rapprocher producteurs du bocage, restauration collective et épiceries solidaires.",
        },
      ],
    },
    {
      name: "Transition énergétique de l'habitat",
      theme: "habitat-energie",
      description:
        "Rénovation et isolation des logements, écoconstruction et chantiers qui forment aux " +
        "métiers du bâtiment.",
      groups: [
        {
          slug: "renovation-ecoconstruction",
          name: "Rénovation et écoconstruction",
          purpose: "Monter des chantiers de rénovation qui forment des personnes éloignées de l'emploi.",
        },
      ],
    },
    {
      name: "Services à la personne",
      theme: "services-personne",
      description:
        "Des services de proximité pour les familles, les aînés et les personnes fragiles.",
      groups: [
        {
          slug: "services-de-proximite",
          name: "Services de proximité",
          purpose: "Coordonner l'offre d'aide à domicile et de garde d'enfants entre structures voisines.",
        },
      ],
    },
    {
      name: "Mobilité et accessibilité",
      theme: "mobilite",
      description:
        "Se déplacer sans voiture dans un territoire rural : transport solidaire, covoiturage, " +
        "accès à l'emploi et aux services.",
      groups: [
        {
          slug: "transport-solidaire",
          name: "Transport solidaire",
          purpose: "Organiser des trajets partagés vers l'emploi, la formation et les services.",
        },
      ],
    },
    {
      name: "Communication commune et utilité sociale",
      theme: "cooperation-ess",
      description:
        "Faire connaître l'ESS du Sambre-Avesnois avec des outils de communication partagés, et " +
        "mesurer ce que les actions du pôle changent pour le territoire.",
      groups: [
        {
          slug: "mesure-impact",
          name: "Mesure de l'impact social",
          purpose: "Choisir des indicateurs communs et rendre compte chaque année des effets des actions.",
        },
      ],
    },
  ],
} as const satisfies TerritorySeed;

export const DEMO_TERRITORIES = [VALS_DE_SAINTONGE, SAMBRE_AVESNOIS] as const;

/** The seed with its perimeter resolved to commune codes, ready for `createTerritory`. */
export function resolveTerritory(seed: TerritorySeed): NewTerritory {
  const { epciCodes, ...rest } = seed;
  return { ...rest, communeCodes: epciMemberCodes(epciCodes) };
}
