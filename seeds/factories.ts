/**
 * Small factories for tests: each builds a valid row with sensible defaults,
 * through the same model functions the app uses.
 */
import { randomBytes } from "node:crypto";
import type { Role } from "~/domain/vocabulary";
import {
  addTerritoryStaff,
  createTerritory,
  type NewTerritory,
  type Territory,
} from "~/models/territory.server";
import { createUser, type NewUser, type User } from "~/models/user.server";
import { hashPassword } from "~/utils/password.server";
import type { Db } from "~/utils/db.server";

/** Password of every account made by `createTestUser` unless told otherwise. */
export const TEST_PASSWORD = "cigale-maraichage-2026";
/** Saint-Jean-d'Angély, the home of the Vals de Saintonge pôle. */
export const DEFAULT_COMMUNE_CODE = "17347";

let testPasswordHash: Promise<string> | undefined;

/** argon2 is slow on purpose: hash the shared test password once per process. */
export function getTestPasswordHash(): Promise<string> {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  return testPasswordHash;
}

let sequence = 0;

/** Unique across test files too: the counter alone would repeat in each worker. */
function uniqueSuffix(): string {
  sequence += 1;
  return `${sequence}-${randomBytes(3).toString("hex")}`;
}

export type TestUserOverrides = Partial<NewUser> & {
  /** Clear-text password, hashed for this user; ignored when `passwordHash` is given. */
  password?: string;
  createdAt?: Date;
};

export async function createTestUser(db: Db, overrides: TestUserOverrides = {}): Promise<User> {
  const { password, createdAt, ...fields } = overrides;
  const passwordHash =
    fields.passwordHash ??
    (password !== undefined && password !== TEST_PASSWORD
      ? await hashPassword(password)
      : await getTestPasswordHash());
  const suffix = uniqueSuffix();
  const result = createUser(
    db,
    {
      email: `test-${suffix}@exemple.fr`,
      displayName: `Personne Test ${suffix}`,
      communeCode: DEFAULT_COMMUNE_CODE,
      roles: ["porteur"] satisfies Role[],
      ...fields,
      passwordHash,
    },
    createdAt ?? new Date(),
  );
  if (!result.ok) throw new Error(`createTestUser failed: ${result.message}`);
  return result.user;
}

/** A user with the `animateur` role, on the animation team of the given pôle. */
export async function createTestAnimator(
  db: Db,
  territoryId: number,
  overrides: TestUserOverrides = {},
): Promise<User> {
  const user = await createTestUser(db, { roles: ["animateur"], ...overrides });
  addTerritoryStaff(db, territoryId, user.id);
  return user;
}

/**
 * A small pôle around Saint-Jean-d'Angély (the town and two neighbours)
 * unless a perimeter is given.
 */
export function createTestTerritory(
  db: Db,
  overrides: Partial<NewTerritory> = {},
  now: Date = new Date(),
): Territory {
  const suffix = uniqueSuffix();
  return createTerritory(
    db,
    {
      slug: `pole-test-${suffix}`,
      name: `Pôle de test ${suffix}`,
      area: "Territoire de test",
      description: "Un pôle créé pour les tests.",
      departmentCodes: ["17"],
      axes: [{ name: "Création d'activités", description: "Axe de test." }],
      communeCodes: [DEFAULT_COMMUNE_CODE, "17226", "17277"], // + Mazeray, Essouvert
      ...overrides,
    },
    now,
  );
}
