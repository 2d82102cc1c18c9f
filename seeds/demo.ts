/**
 * Demo data: the two pôles and about a hundred people living in their
 * perimeters. Deterministic — a seeded faker and a given `now` — so that two
 * runs give the same people, e-mails and communes (only password salts differ).
 */
import { Faker, base, fr } from "@faker-js/faker";
import { DAY_MS } from "~/domain/paris-time";
import type { Role } from "~/domain/vocabulary";
import { foldForSearch } from "~/domain/catalog";
import { getCommunes } from "~/models/commune.server";
import { addTerritoryStaff, createTerritory, type NewTerritory } from "~/models/territory.server";
import { createUser } from "~/models/user.server";
import { writeTransaction, type Db } from "~/utils/db.server";
import { seedDemoAgenda } from "./demo-agenda";
import { seedDemoEndorsements } from "./demo-endorsements";
import { seedDemoFinance } from "./demo-finance";
import { seedDemoImpact } from "./demo-impact";
import { seedDemoJourneys } from "./demo-journeys";
import { seedDemoPoleLife } from "./demo-pole-life";
import { seedDemoOrganisations } from "./demo-organisations";
import { seedDemoUnmetNeeds } from "./demo-unmet-needs";
import { seedDemoBulletin } from "./demo-bulletin";
import { seedDemoResources } from "./demo-resources";
import { hashPassword } from "~/utils/password.server";
import {
  DEMO_TERRITORIES,
  resolveTerritory,
  SAMBRE_AVESNOIS,
  VALS_DE_SAINTONGE,
} from "./territories";
import { DIRECTORY_POLES } from "./poles";

/** Shared by every demo account; printed in the README. */
export const DEMO_PASSWORD = "maillon-demo-2026";
export const DEMO_EMAIL_DOMAIN = "exemple.fr";
const SEED = 2026;

type TerritorySlug = (typeof DEMO_TERRITORIES)[number]["slug"];

export type DemoAccount = {
  email: string;
  displayName: string;
  communeCode: string;
  roles: readonly Role[];
  /** Pôle whose animation team the account joins. */
  staffOf?: TerritorySlug;
};

const SAINT_JEAN_D_ANGELY = "17347";
const MAUBEUGE = "59392";

/** Fixed, memorable accounts, one per role, for the README and the tests. */
export const DEMO_ACCOUNTS = [
  {
    email: "animation.saintonge@exemple.fr",
    displayName: "Hélène Rivaud",
    communeCode: SAINT_JEAN_D_ANGELY,
    roles: ["animateur"],
    staffOf: "vals-de-saintonge",
  },
  {
    email: "animation.sambre@exemple.fr",
    displayName: "Karim Delattre",
    communeCode: MAUBEUGE,
    roles: ["animateur"],
    staffOf: "sambre-avesnois",
  },
  {
    email: "admin@exemple.fr",
    displayName: "Nadia Ferrand",
    communeCode: SAINT_JEAN_D_ANGELY,
    roles: ["admin"],
  },
  {
    email: "porteur@exemple.fr",
    displayName: "Julien Moreau",
    communeCode: SAINT_JEAN_D_ANGELY,
    roles: ["porteur"],
  },
  {
    email: "benevole@exemple.fr",
    displayName: "Monique Girard",
    communeCode: SAINT_JEAN_D_ANGELY,
    roles: ["benevole"],
  },
  {
    email: "epargnant@exemple.fr",
    displayName: "Bernard Texier",
    communeCode: SAINT_JEAN_D_ANGELY,
    roles: ["epargnant"],
  },
] as const satisfies readonly DemoAccount[];

/** How many generated people per main role, and how many of them take a second role. */
const GROUPS = [
  { role: "benevole", size: 60, secondRole: "epargnant", secondEvery: 12 },
  { role: "porteur", size: 30, secondRole: "benevole", secondEvery: 10 },
  { role: "epargnant", size: 15, secondRole: "porteur", secondEvery: 8 },
] as const satisfies readonly { role: Role; size: number; secondRole: Role; secondEvery: number }[];

/** Saintonge is the historical pôle of the project: a little more than half the people live there. */
const TERRITORY_SHARES: Record<TerritorySlug, number> = {
  "vals-de-saintonge": 0.55,
  "sambre-avesnois": 0.45,
};

// Faker's French first names lean to the 19th century; these span today's generations.
// prettier-ignore
const FEMALE_FIRST_NAMES = [
  "Monique", "Nicole", "Françoise", "Martine", "Sylvie", "Catherine", "Isabelle", "Nathalie",
  "Valérie", "Sandrine", "Christine", "Véronique", "Stéphanie", "Céline", "Aurélie", "Émilie",
  "Julie", "Élodie", "Camille", "Laura", "Manon", "Léa", "Chloé", "Sarah", "Inès", "Clara",
  "Anaïs", "Mélanie", "Karine", "Patricia", "Brigitte", "Annie", "Josiane", "Odile", "Agnès",
  "Hélène", "Claire", "Marion", "Pauline", "Fatima", "Samia", "Yasmina", "Lucie", "Margaux",
] as const;
// prettier-ignore
const MALE_FIRST_NAMES = [
  "Bernard", "Jean-Pierre", "Michel", "Alain", "Gérard", "Patrick", "Philippe", "Christian",
  "Daniel", "Thierry", "Éric", "Pascal", "Laurent", "Frédéric", "Stéphane", "Olivier",
  "Sébastien", "Nicolas", "Julien", "Guillaume", "Mathieu", "Romain", "Thomas", "Antoine",
  "Kévin", "Maxime", "Lucas", "Hugo", "Théo", "Louis", "Mehdi", "Karim", "Yannick", "Didier",
  "Serge", "Jacques", "Rémi", "Benoît", "Damien", "Florian", "Quentin", "Baptiste", "Mathis",
] as const;

export type DemoCounts = {
  territories: number;
  users: number;
  porteurs: number;
  benevoles: number;
  epargnants: number;
  animateurs: number;
  admins: number;
};

type PlannedPerson = DemoAccount & { createdAt: Date };

type WeightedCommune = { weight: number; value: string };
type Perimeter = { slug: TerritorySlug; communes: WeightedCommune[] };

/**
 * Communes weighted by the square root of their population: towns get more
 * people than hamlets, without Maubeuge swallowing the whole pôle.
 */
function weightCommunes(db: Db, territory: NewTerritory): WeightedCommune[] {
  // The query's row order is unspecified; the draw's input must not be.
  return getCommunes(db, territory.communeCodes)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((c) => ({ weight: Math.sqrt(Math.max(c.population, 1)), value: c.code }));
}

/** "Jean-Pierre", "Le Gall" → "jean-pierre.le-gall"; ASCII only, safe in an address. */
function emailLocalPart(firstName: string, lastName: string): string {
  const part = (s: string) => foldForSearch(s).replace(/ /g, "-");
  return `${part(firstName)}.${part(lastName)}`;
}

function uniqueEmail(localPart: string, taken: Set<string>): string {
  let email = `${localPart}@${DEMO_EMAIL_DOMAIN}`;
  for (let n = 2; taken.has(email); n += 1) email = `${localPart}${n}@${DEMO_EMAIL_DOMAIN}`;
  taken.add(email);
  return email;
}

/** Everyone to create, decided before any write so the transaction stays synchronous. */
function planPeople(faker: Faker, perimeters: Perimeter[], now: Date): PlannedPerson[] {
  const taken = new Set<string>(DEMO_ACCOUNTS.map((a) => a.email));
  // Fixed accounts look like the pôles' first members: a little over a year old.
  const fixed = DEMO_ACCOUNTS.map((account) => ({
    ...account,
    createdAt: new Date(now.getTime() - 400 * DAY_MS),
  }));
  const territoryChoices = perimeters.map((p) => ({ weight: TERRITORY_SHARES[p.slug], value: p }));
  const generated = GROUPS.flatMap((group) =>
    Array.from({ length: group.size }, (_, i): PlannedPerson => {
      const sex = faker.person.sexType();
      const firstName = faker.helpers.arrayElement(
        sex === "female" ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES,
      );
      const lastName = faker.person.lastName();
      const perimeter = faker.helpers.weightedArrayElement(territoryChoices);
      return {
        email: uniqueEmail(emailLocalPart(firstName, lastName), taken),
        displayName: `${firstName} ${lastName}`,
        communeCode: faker.helpers.weightedArrayElement(perimeter.communes),
        roles: i % group.secondEvery === 0 ? [group.role, group.secondRole] : [group.role],
        createdAt: faker.date.between({
          from: now.getTime() - 540 * DAY_MS,
          to: now.getTime() - DAY_MS,
        }),
      };
    }),
  );
  return [...fixed, ...generated];
}

function countRoles(people: PlannedPerson[], territories: number): DemoCounts {
  const withRole = (role: Role) => people.filter((p) => p.roles.includes(role)).length;
  return {
    territories,
    users: people.length,
    porteurs: withRole("porteur"),
    benevoles: withRole("benevole"),
    epargnants: withRole("epargnant"),
    animateurs: withRole("animateur"),
    admins: withRole("admin"),
  };
}

/**
 * Creates the pôles (the two with members, then the directory's others) and the demo people in one
 * transaction. Expects a
 * database without them (see `seedDemoIfEmpty` in seeds/seed.ts).
 */
export async function seedDemo(db: Db, now: Date): Promise<DemoCounts> {
  // argon2 is async and slow on purpose: hash once, before the synchronous transaction.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const faker = new Faker({ locale: [fr, base] }); // our own instance: no shared global state
  faker.seed(SEED);

  const territories = DEMO_TERRITORIES.map((seed) => ({
    slug: seed.slug,
    input: resolveTerritory(seed),
  }));
  const perimeters = territories.map((t) => ({
    slug: t.slug,
    communes: weightCommunes(db, t.input),
  }));
  const people = planPeople(faker, perimeters, now);

  // The model functions open their own transactions on `db`; nested in this
  // one they become savepoints, so the whole demo commits or rolls back at once.
  writeTransaction(db, () => {
    const territoryIds = new Map<string, number>();
    const fixedAccountIds = new Set<number>();
    const fixedEmails = new Set<string>(DEMO_ACCOUNTS.map((a) => a.email));
    for (const { slug, input } of territories) {
      territoryIds.set(slug, createTerritory(db, input, now).id);
    }
    // The directory's other pôles come after, so the two with members keep ids 1 and 2.
    for (const seed of DIRECTORY_POLES) createTerritory(db, resolveTerritory(seed), now);
    for (const person of people) {
      const result = createUser(
        db,
        {
          email: person.email,
          displayName: person.displayName,
          communeCode: person.communeCode,
          roles: person.roles,
          passwordHash,
        },
        person.createdAt,
      );
      if (!result.ok) throw new Error(`Demo user ${person.email} not created: ${result.message}`);
      if (fixedEmails.has(person.email)) fixedAccountIds.add(result.user.id);
      const staffTerritoryId = person.staffOf && territoryIds.get(person.staffOf);
      if (staffTerritoryId) addTerritoryStaff(db, staffTerritoryId, result.user.id);
    }
    seedDemoJourneys(db, now);
    seedDemoFinance(db, now);
    seedDemoPoleLife(db, now, fixedAccountIds);
    seedDemoEndorsements(db, now);
    seedDemoOrganisations(db, now);
    seedDemoUnmetNeeds(db, now);
    seedDemoBulletin(db, now);
    seedDemoResources(db, now);
    seedDemoAgenda(db, now);
    seedDemoImpact(db, now);
  });
  return countRoles(people, territories.length + DIRECTORY_POLES.length);
}

/** The pôle slugs of the demo, for tests and links. */
export const DEMO_TERRITORY_SLUGS = [VALS_DE_SAINTONGE.slug, SAMBRE_AVESNOIS.slug] as const;
