/**
 * Demo member organisations and governance of the two active pôles, called by
 * seedDemo inside its transaction once the people exist. The organisations
 * are invented (names, numbers, people), plausible for each territory: the
 * intercommunalité (its real SIREN, the EPCI code the perimeter comes from),
 * ESS structures, companies, a school, a university, a foundation. Their
 * SIRETs are made valid with the Luhn key; their NAF codes exist. Each pôle
 * gets the three bodies of seed 004 — équipe d'animation, groupe opérationnel
 * (executive), comité de pilotage (decisions) — with mandates and decisions,
 * one of them internal; Vals de Saintonge also has requests waiting for its
 * animation team. A few organisations of other pôles fill the directory.
 * Deterministic: fixed choices, dates derived from `now`.
 */
import { and, asc, eq, notInArray } from "drizzle-orm";
import { organisations as organisationsTable, territories, territoryCommunes, territoryStaff, users } from "#db/schema";
import { luhnComplete } from "~/domain/organisation";
import { DAY_MS, parisIsoDate } from "~/domain/paris-time";
import type { GovernanceBodyKind, OrganisationKind } from "~/domain/vocabulary";
import { addMandate, createBody, recordDecision } from "~/models/governance.server";
import { createOrganisation, requestRepresentation } from "~/models/organisation-request.server";
import { insertConfirmedOrganisation } from "~/models/organisation.server";
import type { Outcome } from "~/models/outcome";
import { writeTransaction, type Db } from "~/utils/db.server";

const FIXED_ACCOUNTS = ["animation.saintonge@exemple.fr", "animation.sambre@exemple.fr", "admin@exemple.fr", "porteur@exemple.fr", "benevole@exemple.fr", "epargnant@exemple.fr"];

export type OrganisationCounts = { organisations: number; bodies: number; mandates: number; decisions: number };

/** A SIRET that passes both keys: SIREN = `base` + its key, then the establishment number + the SIRET's key. */
export function demoSiret(base: string, establishment: string): string {
  return luhnComplete(`${luhnComplete(base)}${establishment}`);
}

type DemoOrganisation = {
  slug: string;
  name: string;
  kind: OrganisationKind;
  /** A SIREN of its own (collectivités), or the digits a SIRET is made from. */
  siren?: string;
  siret?: [base: string, establishment: string];
  nafCode: string;
  communeCode: string;
  description: string;
  website?: string;
  contactEmail?: string;
  /** Positions of its representatives, each given to the next person of the pôle; `epargnant@` by e-mail. */
  representatives: (string | { email: string; position: string })[];
};

// prettier-ignore
const SAINTONGE: DemoOrganisation[] = [
  { slug: "cc-vals-de-saintonge", name: "Communauté de communes des Vals de Saintonge", kind: "collectivite", siren: "200041689", nafCode: "84.11Z", communeCode: "17347",
    description: "L'intercommunalité du territoire soutient le pôle : accueil des porteurs de projets, locaux partagés et lien avec les communes.",
    representatives: ["Vice-président chargé du développement économique", "Chargée de mission économie de proximité"] },
  { slug: "saintonge-insertion-emploi", name: "Saintonge Insertion Emploi", kind: "association", siret: ["41873025", "0021"], nafCode: "88.99B", communeCode: "17347",
    description: "Chantier d'insertion en espaces verts et petit bâtiment : des contrats de travail accompagnés pour les personnes éloignées de l'emploi.",
    contactEmail: "contact@saintonge-insertion.exemple.fr", representatives: ["Directrice", "Encadrant technique"] },
  { slug: "cigales-de-saintonge", name: "Association des Cigales de Saintonge", kind: "association", siret: ["52214736", "0014"], nafCode: "94.99Z", communeCode: "17224",
    description: "Elle fédère les clubs d'épargnants solidaires du territoire, aide à en créer de nouveaux et forme leurs gérants.",
    representatives: [{ email: "epargnant@exemple.fr", position: "Trésorier" }, "Présidente"] },
  { slug: "fondation-credit-solidaire-charentes", name: "Fondation Crédit Solidaire des Charentes", kind: "fondation", siret: ["50936412", "0027"], nafCode: "94.99Z", communeCode: "17300",
    description: "Fondation d'entreprise d'une banque coopérative régionale : prêts d'honneur et subventions aux créateurs d'activités de proximité.",
    website: "https://fondation-credit-solidaire.exemple.fr", representatives: ["Déléguée générale"] },
  { slug: "lycee-agricole-vals-de-saintonge", name: "Lycée agricole des Vals de Saintonge", kind: "formation", siret: ["19170045", "0013"], nafCode: "85.32Z", communeCode: "17347",
    description: "Formations aux métiers de l'agriculture et du paysage ; son exploitation accueille les essais de la filière maraîchage bio.",
    representatives: ["Proviseure adjointe"] },
  { slug: "jardins-de-la-boutonne", name: "Les Jardins de la Boutonne", kind: "cooperative", siret: ["83215907", "0018"], nafCode: "01.13Z", communeCode: "17448",
    description: "SCIC maraîchère en agriculture biologique : paniers hebdomadaires, vente aux cantines et parcelles pour les maraîchers qui s'installent.",
    representatives: ["Cogérant"] },
  { slug: "atelier-bois-saintongeais", name: "Atelier Bois Saintongeais", kind: "entreprise", siret: ["79840163", "0025"], nafCode: "16.23Z", communeCode: "17024",
    description: "Menuiserie artisanale de six salariés, en bois des forêts de la région ; elle accueille des apprentis et des stagiaires du chantier d'insertion.",
    representatives: ["Gérant"] },
];

// prettier-ignore
const SAMBRE: DemoOrganisation[] = [
  { slug: "ca-maubeuge-val-de-sambre", name: "Communauté d'agglomération Maubeuge Val de Sambre", kind: "collectivite", siren: "200043396", nafCode: "84.11Z", communeCode: "59392",
    description: "L'agglomération accompagne le pôle dans ses réponses groupées à la commande publique et dans la transition énergétique de l'habitat.",
    representatives: ["Conseillère déléguée à l'économie sociale et solidaire"] },
  { slug: "collectif-ess-sambre-avesnois", name: "Collectif des acteurs de l'ESS de Sambre-Avesnois", kind: "association", siret: ["43521890", "0036"], nafCode: "94.99Z", communeCode: "59392",
    description: "L'association qui porte le pôle : elle réunit les structures de l'ESS du territoire, anime les axes de travail et mesure l'utilité sociale des actions.",
    contactEmail: "contact@ess-sambre-avesnois.exemple.fr", representatives: ["Président", "Coordinatrice"] },
  { slug: "sambre-renov-insertion", name: "Sambre Rénov' Insertion", kind: "societe-ess", siret: ["81267340", "0019"], nafCode: "43.29A", communeCode: "59291",
    description: "Entreprise d'insertion agréée ESUS : isolation et rénovation énergétique des logements, avec des salariés en parcours d'insertion.",
    representatives: ["Directeur"] },
  { slug: "pole-universitaire-sambre-avesnois", name: "Pôle universitaire de Sambre-Avesnois", kind: "recherche", siret: ["13002190", "0042"], nafCode: "85.42Z", communeCode: "59392",
    description: "Antenne universitaire : ses chercheurs et étudiants travaillent avec le pôle sur l'évaluation de l'impact social et la mobilité rurale.",
    representatives: ["Maître de conférences en économie"] },
  { slug: "scic-mobilite-avesnoise", name: "SCIC Mobilité Avesnoise", kind: "cooperative", siret: ["88104526", "0011"], nafCode: "49.39B", communeCode: "59036",
    description: "Coopérative de transport solidaire : transport à la demande et location de véhicules pour les personnes sans voiture.",
    representatives: ["Directrice"] },
  { slug: "fromagerie-cooperative-du-bocage", name: "Fromagerie coopérative du Bocage", kind: "cooperative", siret: ["39718254", "0024"], nafCode: "10.51C", communeCode: "59331",
    description: "Coopérative de producteurs laitiers qui affine le maroilles et le vend en circuit court dans le bocage avesnois.",
    representatives: ["Président"] },
  { slug: "sambre-services-a-domicile", name: "Sambre Services à Domicile", kind: "association", siret: ["77562041", "0033"], nafCode: "88.10A", communeCode: "59249",
    description: "Aide à domicile pour les personnes âgées et les familles du Sud-Avesnois.",
    representatives: ["Responsable de secteur"] },
  { slug: "avesnois-competences", name: "Avesnois Compétences", kind: "formation", siret: ["48930617", "0015"], nafCode: "85.59A", communeCode: "59033",
    description: "Organisme de formation continue : métiers du bâtiment durable et de l'aide à la personne.",
    representatives: ["Responsable pédagogique"] },
  { slug: "garage-solidaire-du-quesnoy", name: "Garage solidaire du Quesnoy", kind: "entreprise", siret: ["82446198", "0012"], nafCode: "45.20A", communeCode: "59481",
    description: "Garage qui répare à prix coûtant les véhicules des personnes en insertion, en lien avec la SCIC Mobilité Avesnoise.",
    representatives: ["Gérante"] },
];

/** A few members of pôles without people on Maillon yet: listed in the directory, no representative. */
// prettier-ignore
const OTHER_POLES: { pole: string; organisations: Omit<DemoOrganisation, "representatives">[] }[] = [
  { pole: "autonhommes", organisations: [
    { slug: "cooperer-en-hainaut", name: "Coopérer en Hainaut", kind: "association", siret: ["44190273", "0028"], nafCode: "94.99Z", communeCode: "59606",
      description: "Association des structures de l'ESS du Hainaut-Cambrésis : ingénierie de projets et groupes de travail partagés." },
    { slug: "recyclerie-du-cambresis", name: "Recyclerie du Cambrésis", kind: "association", siret: ["51873390", "0017"], nafCode: "38.32Z", communeCode: "59122",
      description: "Collecte et valorisation des déchets, avec des emplois d'insertion." },
  ] },
  { pole: "ardaines", organisations: [
    { slug: "bois-et-ecoconstruction-de-meuse", name: "Bois et Écoconstruction de Meuse", kind: "cooperative", siret: ["79302586", "0015"], nafCode: "16.23Z", communeCode: "08363",
      description: "SCOP de charpente et d'écoconstruction en bois des Ardennes." },
    { slug: "jardins-de-la-vallee-de-meuse", name: "Jardins de la vallée de Meuse", kind: "association", siret: ["48217659", "0022"], nafCode: "01.13Z", communeCode: "08363",
      description: "Chantier d'insertion en maraîchage biologique ; paniers pour les habitants de la vallée." },
  ] },
  { pole: "cis-dt-52", organisations: [
    { slug: "atelier-mecanique-solidaire-bragard", name: "Atelier mécanique solidaire du Bragard", kind: "societe-ess", siret: ["83902147", "0014"], nafCode: "25.62B", communeCode: "52448",
      description: "Entreprise d'insertion en mécanique industrielle, sous-traitante des industriels du bassin d'emploi." },
  ] },
  { pole: "pole-sud-aquitaine", organisations: [
    { slug: "groupement-employeurs-sud-landes", name: "Groupement d'employeurs Sud-Landes", kind: "association", siret: ["50214876", "0031"], nafCode: "78.30Z", communeCode: "40312",
      description: "Partage de salariés entre les entreprises et les associations du Seignanx." },
    { slug: "cae-batir-adour", name: "CAE Bâtir Adour", kind: "cooperative", siret: ["88526013", "0019"], nafCode: "43.99C", communeCode: "40312",
      description: "Coopérative d'activités et d'emploi du bâtiment et de l'écoconstruction." },
  ] },
];

type BodySeed = {
  kind: GovernanceBodyKind;
  name: string;
  description: string;
  /** Seats: `staff` (the fixed animator), or an organisation's first/second representative. */
  seats: { who: "staff" | { org: string; rep?: 0 | 1 }; position: string; sinceDays: number; endedDaysAgo?: number }[];
  decisions: { daysAgo: number; subject: string; decision: string; votes?: [number, number, number]; internal?: boolean }[];
};

// prettier-ignore
const SAINTONGE_BODIES: BodySeed[] = [
  { kind: "equipe-animation", name: "Équipe d'animation", description: "Accueille les porteurs de projets, les bénévoles et les épargnants, et fait vivre les collectifs au quotidien.",
    seats: [{ who: "staff", position: "Animatrice du pôle", sinceDays: 400 }, { who: { org: "saintonge-insertion-emploi", rep: 1 }, position: "Membre", sinceDays: 300 }],
    decisions: [{ daysAgo: 40, subject: "Permanences d'accueil", decision: "Les permanences ont lieu le lundi et le vendredi de 15 h à 17 h, au local de la rue de l'Hôtel de Ville, avec ou sans rendez-vous." }] },
  { kind: "groupe-operationnel", name: "Groupe opérationnel", description: "L'instance exécutive : elle met en œuvre les orientations du comité de pilotage et coordonne les collectifs.",
    seats: [
      { who: { org: "saintonge-insertion-emploi" }, position: "Coordinatrice", sinceDays: 380 },
      { who: { org: "cigales-de-saintonge" }, position: "Référent financement", sinceDays: 380 },
      { who: { org: "jardins-de-la-boutonne" }, position: "Membre", sinceDays: 200 },
      { who: { org: "cc-vals-de-saintonge", rep: 1 }, position: "Membre", sinceDays: 380 },
    ],
    decisions: [
      { daysAgo: 150, subject: "Ronde saintongeaise pour l'emploi solidaire", decision: "Le groupe organise une course en relais entre Saint-Jean-d'Angély et Saintes pour faire connaître le pôle, avec deux villages d'accueil où les acteurs tiennent des stands et des ateliers." },
      { daysAgo: 25, subject: "Carrés potagers partagés", decision: "Des bacs potagers en libre service sont installés au pied d'une résidence, avec le bois, la terre et les plants donnés par des commerçants du territoire.", votes: [6, 0, 1] },
    ] },
  { kind: "comite-pilotage", name: "Comité de pilotage", description: "L'instance décisionnelle : elle fixe les orientations du pôle, adopte sa charte et son budget.",
    seats: [
      { who: { org: "cc-vals-de-saintonge" }, position: "Co-président", sinceDays: 380 },
      { who: { org: "fondation-credit-solidaire-charentes" }, position: "Co-présidente", sinceDays: 380 },
      { who: { org: "lycee-agricole-vals-de-saintonge" }, position: "Membre", sinceDays: 380 },
      { who: { org: "cigales-de-saintonge", rep: 1 }, position: "Membre", sinceDays: 380, endedDaysAgo: 30 },
      { who: { org: "atelier-bois-saintongeais" }, position: "Membre", sinceDays: 120 },
      { who: "staff", position: "Secrétaire de séance", sinceDays: 400 },
    ],
    decisions: [
      { daysAgo: 330, subject: "Adoption de la charte du pôle", decision: "Le comité adopte la charte et la règle du jeu : rôle des collectifs, de l'inter-collectif et de l'équipe projets.", votes: [14, 0, 1] },
      { daysAgo: 170, subject: "Filière maraîchage bio", decision: "Le comité lance un comité de pilotage de filière et confie aux Jardins de la Boutonne et au lycée agricole les premières parcelles d'essai.", votes: [12, 1, 2] },
      { daysAgo: 60, subject: "Budget prévisionnel de l'année", decision: "Le budget est adopté ; la part de la cagnotte solidaire réservée aux projets de moins d'un an est portée à 60 %.", votes: [11, 0, 0], internal: true },
    ] },
];

// prettier-ignore
const SAMBRE_BODIES: BodySeed[] = [
  { kind: "equipe-animation", name: "Équipe d'animation", description: "Anime les axes de travail et accompagne les structures dans leurs coopérations.",
    seats: [{ who: "staff", position: "Animateur du pôle", sinceDays: 400 }, { who: { org: "collectif-ess-sambre-avesnois", rep: 1 }, position: "Coordinatrice", sinceDays: 400 }],
    decisions: [] },
  { kind: "groupe-operationnel", name: "Groupe opérationnel", description: "Prépare les réponses groupées aux marchés publics et suit les actions des axes.",
    seats: [
      { who: { org: "sambre-renov-insertion" }, position: "Référent axe habitat", sinceDays: 300 },
      { who: { org: "scic-mobilite-avesnoise" }, position: "Référente axe mobilité", sinceDays: 300 },
      { who: { org: "sambre-services-a-domicile" }, position: "Référente axe services à la personne", sinceDays: 250 },
      { who: { org: "fromagerie-cooperative-du-bocage" }, position: "Référent axe alimentation", sinceDays: 250 },
    ],
    decisions: [
      { daysAgo: 90, subject: "Réponse groupée au marché de rénovation des logements sociaux", decision: "Sambre Rénov' Insertion porte la réponse, avec Avesnois Compétences pour la formation des salariés en parcours." },
    ] },
  { kind: "comite-pilotage", name: "Comité de pilotage", description: "Réunit l'ESS, les entreprises, les collectivités et l'université ; il décide des orientations du pôle.",
    seats: [
      { who: { org: "collectif-ess-sambre-avesnois" }, position: "Président", sinceDays: 400 },
      { who: { org: "ca-maubeuge-val-de-sambre" }, position: "Vice-présidente", sinceDays: 400 },
      { who: { org: "pole-universitaire-sambre-avesnois" }, position: "Membre", sinceDays: 400 },
      { who: { org: "garage-solidaire-du-quesnoy" }, position: "Membre", sinceDays: 200 },
      { who: "staff", position: "Secrétaire de séance", sinceDays: 400 },
    ],
    decisions: [
      { daysAgo: 280, subject: "Feuille de route des axes de travail", decision: "Le comité adopte les axes : entrepreneuriat social, alimentation durable, transition énergétique de l'habitat, services à la personne, mobilité et accessibilité.", votes: [9, 0, 2] },
      { daysAgo: 75, subject: "Évaluation de l'utilité sociale", decision: "Le pôle universitaire conduit l'évaluation de l'impact social des actions, avec des indicateurs partagés par les structures.", votes: [8, 1, 2] },
      { daysAgo: 20, subject: "Recrutement d'une chargée de mission", decision: "Le comité approuve le recrutement d'une chargée de mission marchés publics à mi-temps, financé pour deux ans.", votes: [10, 0, 1], internal: true },
    ] },
];

type Person = { id: number; email: string };

/** People living in the pôle, in id order, the fixed demo accounts left out. */
function peopleOf(db: Db, territoryId: number): Person[] {
  return db
    .select({ id: users.id, email: users.email })
    .from(users)
    .innerJoin(territoryCommunes, and(eq(territoryCommunes.communeCode, users.communeCode), eq(territoryCommunes.territoryId, territoryId)))
    .where(notInArray(users.email, FIXED_ACCOUNTS))
    .orderBy(asc(users.id))
    .all();
}

function userIdByEmail(db: Db, email: string): number {
  const row = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  if (!row) throw new Error(`Demo organisations: no account ${email}`);
  return row.id;
}

function expectOk<T extends object>(outcome: Outcome<T>, what: string): T {
  if (!outcome.ok) throw new Error(`Demo organisations (${what}): ${outcome.message}`);
  return outcome;
}

type Seeded = { ids: Map<string, number>; reps: Map<string, number[]> };

function seedOrganisations(db: Db, territoryId: number, list: DemoOrganisation[], people: Person[], now: Date): Seeded {
  const ids = new Map<string, number>();
  const reps = new Map<string, number[]>();
  let next = 0;
  for (const o of list) {
    const created = new Date(now.getTime() - 420 * DAY_MS);
    const representatives = o.representatives.map((r) => {
      if (typeof r !== "string") return { userId: userIdByEmail(db, r.email), position: r.position };
      const person = people[next++];
      if (!person) throw new Error("Demo organisations: not enough people in the pôle");
      return { userId: person.id, position: r };
    });
    const siret = o.siret ? demoSiret(...o.siret) : null;
    const { id } = writeTransaction(db, (tx) =>
      insertConfirmedOrganisation(
        tx,
        {
          slug: o.slug,
          name: o.name,
          kind: o.kind,
          siren: o.siren ?? null,
          siret,
          nafCode: o.nafCode,
          communeCode: o.communeCode,
          description: o.description,
          website: o.website ?? null,
          contactEmail: o.contactEmail ?? null,
          createdBy: representatives[0]?.userId ?? null,
        },
        [territoryId],
        representatives,
        created,
      ),
    );
    ids.set(o.slug, id);
    reps.set(o.slug, representatives.map((r) => r.userId));
  }
  return { ids, reps };
}

function seedGovernance(db: Db, territoryId: number, staffId: number, bodies: BodySeed[], seeded: Seeded, now: Date): { mandates: number; decisions: number } {
  const day = (daysAgo: number) => parisIsoDate(new Date(now.getTime() - daysAgo * DAY_MS));
  let mandates = 0;
  let decisions = 0;
  for (const b of bodies) {
    const { bodyId } = expectOk(createBody(db, territoryId, staffId, { kind: b.kind, name: b.name, description: b.description }), b.name);
    for (const seat of b.seats) {
      const userId = seat.who === "staff" ? staffId : seeded.reps.get(seat.who.org)?.[seat.who.rep ?? 0];
      if (userId === undefined) throw new Error(`Demo organisations: no representative for ${JSON.stringify(seat.who)}`);
      const organisationId = seat.who === "staff" ? null : (seeded.ids.get(seat.who.org) ?? null);
      const input = { bodyId, userId, organisationId, position: seat.position, startsOn: day(seat.sinceDays), endsOn: seat.endedDaysAgo ? day(seat.endedDaysAgo) : null };
      expectOk(addMandate(db, territoryId, staffId, input), `${b.name}: ${seat.position}`);
      mandates += 1;
    }
    for (const d of b.decisions) {
      const [votesFor, votesAgainst, votesAbstain] = d.votes ?? [null, null, null];
      const input = { bodyId, decidedOn: day(d.daysAgo), subject: d.subject, decision: d.decision, votesFor, votesAgainst, votesAbstain, internal: d.internal ?? false };
      expectOk(recordDecision(db, territoryId, staffId, input, new Date(now.getTime() - d.daysAgo * DAY_MS)), d.subject);
      decisions += 1;
    }
  }
  return { mandates, decisions };
}

function pole(db: Db, slug: string, { staffed = true } = {}): { id: number; staffId: number } {
  const row = db.select({ id: territories.id }).from(territories).where(eq(territories.slug, slug)).get();
  if (!row) throw new Error(`Demo organisations: no pôle ${slug}`);
  const staff = db.select({ userId: territoryStaff.userId }).from(territoryStaff).where(eq(territoryStaff.territoryId, row.id)).orderBy(asc(territoryStaff.userId)).get();
  if (!staff && staffed) throw new Error(`Demo organisations: no animation team for ${slug}`);
  return { id: row.id, staffId: staff?.userId ?? 0 };
}

export function seedDemoOrganisations(db: Db, now: Date): OrganisationCounts {
  let organisations = 0;
  let bodies = 0;
  let mandates = 0;
  let decisions = 0;
  for (const [slug, list, bodySeeds] of [
    ["vals-de-saintonge", SAINTONGE, SAINTONGE_BODIES],
    ["sambre-avesnois", SAMBRE, SAMBRE_BODIES],
  ] as const) {
    const { id, staffId } = pole(db, slug);
    const people = peopleOf(db, id);
    const seeded = seedOrganisations(db, id, list, people, now);
    const counts = seedGovernance(db, id, staffId, bodySeeds, seeded, now);
    organisations += list.length;
    bodies += bodySeeds.length;
    mandates += counts.mandates;
    decisions += counts.decisions;
  }

  for (const other of OTHER_POLES) {
    const { id } = pole(db, other.pole, { staffed: false });
    seedOrganisations(db, id, other.organisations.map((o) => ({ ...o, representatives: [] })), [], now);
    organisations += other.organisations.length;
  }

  // Waiting for the Vals de Saintonge animation team: a new organisation, and a person offering to represent one.
  const saintonge = pole(db, "vals-de-saintonge");
  const newcomer = peopleOf(db, saintonge.id).at(-1)!;
  expectOk(
    createOrganisation(
      db,
      newcomer.id,
      {
        name: "Ressourcerie des Vals",
        kind: "association",
        siren: null,
        siret: demoSiret("90417352", "0016"),
        nafCode: "38.32Z",
        communeCode: "17347",
        description: "Collecte, réparation et revente d'objets et de meubles, avec un atelier de réparation ouvert aux habitants.",
        website: null,
        contactEmail: null,
        territoryId: saintonge.id,
        position: "Présidente",
      },
      new Date(now.getTime() - 3 * DAY_MS),
    ),
    "Ressourcerie des Vals",
  );
  organisations += 1;
  const insertion = db.select({ id: organisationsTable.id }).from(organisationsTable).where(eq(organisationsTable.slug, "saintonge-insertion-emploi")).get()!;
  const asked = requestRepresentation(db, insertion.id, userIdByEmail(db, "benevole@exemple.fr"), "Bénévole, trésorière", new Date(now.getTime() - 2 * DAY_MS));
  expectOk(asked, "representation request");
  return { organisations, bodies, mandates, decisions };
}
