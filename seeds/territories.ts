/**
 * The two pôles of the demo, as plain data. Texts are paraphrased from the
 * public pages of each PTCE (seeds 000, 002 and 004), never copied.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import type { NewTerritory } from "~/models/territory.server";

type EtalabEpci = { code: string; nom: string; membres: { code: string }[] };

const require = createRequire(import.meta.url);
let epciByCode: Map<string, EtalabEpci> | undefined;

/**
 * INSEE codes of the member communes of the given EPCIs. The perimeter comes
 * from the same package as the communes table, so every code exists there.
 */
export function epciMemberCodes(epciCodes: readonly string[]): string[] {
  if (!epciByCode) {
    const file = require.resolve("@etalab/decoupage-administratif/data/epci.json");
    const list = JSON.parse(fs.readFileSync(file, "utf8")) as EtalabEpci[];
    epciByCode = new Map(list.map((epci) => [epci.code, epci]));
  }
  const codes = epciCodes.flatMap((code) => {
    const epci = epciByCode?.get(code);
    if (!epci) throw new Error(`Unknown EPCI ${code} in @etalab/decoupage-administratif`);
    return epci.membres.map((m) => m.code);
  });
  return [...new Set(codes)].sort();
}

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
  departmentCodes: ["17"],
  epciCodes: ["200041689"], // CC Vals de Saintonge Communauté
  axes: [
    {
      name: "Création d'activités de proximité",
      description:
        "Aider chacun à se mettre à son compte, ouvrir un commerce ou un atelier, proposer un " +
        "service dans son quartier ou sa commune, au sein d'un collectif de porteurs qui s'entraident.",
    },
    {
      name: "Accompagnement par les pairs",
      description:
        "Des chefs d'entreprise, salariés, retraités ou étudiants mettent leurs compétences " +
        "(gestion, comptabilité, communication, financement…) au service des créateurs.",
    },
    {
      name: "Épargne de proximité",
      description:
        "Clubs CIGALES, tontines et cagnotte solidaire : l'épargne des habitants finance des " +
        "projets du territoire et en fait émerger d'autres.",
    },
    {
      name: "Maraîchage bio et alimentation locale",
      description:
        "Structurer une filière de maraîchage biologique et installer avec les habitants des " +
        "potagers partagés, avec le soutien des commerçants du coin.",
    },
    {
      name: "Emploi solidaire",
      description:
        "Faire connaître le pôle et mobiliser lycéens, étudiants et entreprises autour de " +
        "l'emploi solidaire, par des rencontres ouvertes à tous entre les communes.",
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
      description:
        "Animer et promouvoir l'entrepreneuriat social, et aider les structures de l'ESS à " +
        "répondre ensemble à la commande publique.",
    },
    {
      name: "Alimentation durable",
      description:
        "Circuits courts, productions du terroir comme le maroilles, et accès de tous à une " +
        "alimentation de qualité.",
    },
    {
      name: "Transition énergétique de l'habitat",
      description:
        "Rénovation et isolation des logements, écoconstruction et chantiers qui forment aux " +
        "métiers du bâtiment.",
    },
    {
      name: "Services à la personne",
      description:
        "Des services de proximité pour les familles, les aînés et les personnes fragiles.",
    },
    {
      name: "Mobilité et accessibilité",
      description:
        "Se déplacer sans voiture dans un territoire rural : transport solidaire, covoiturage, " +
        "accès à l'emploi et aux services.",
    },
  ],
} as const satisfies TerritorySeed;

export const DEMO_TERRITORIES = [VALS_DE_SAINTONGE, SAMBRE_AVESNOIS] as const;

/** The seed with its perimeter resolved to commune codes, ready for `createTerritory`. */
export function resolveTerritory(seed: TerritorySeed): NewTerritory {
  const { epciCodes, ...rest } = seed;
  return { ...rest, communeCodes: epciMemberCodes(epciCodes) };
}
