/** Organisations and governance bodies for tests, through the app's models. */
import { randomBytes } from "node:crypto";
import { luhnComplete } from "~/domain/organisation";
import { addMandate, createBody } from "~/models/governance.server";
import { insertConfirmedOrganisation, type OrganisationInput } from "~/models/organisation.server";
import { writeTransaction, type Db } from "~/utils/db.server";
import { DEFAULT_COMMUNE_CODE } from "./factories";

/** A SIRET that passes both Luhn keys, different on each call. */
export function randomSiret(): string {
  const digits = [...randomBytes(12)].map((b) => String(b % 10)).join("");
  return luhnComplete(`${luhnComplete(digits.slice(0, 8))}${digits.slice(8, 12)}`);
}

/** An organisation confirmed in the given pôles, with these people as confirmed representatives. */
export function createTestOrganisation(
  db: Db,
  poles: readonly number[],
  representatives: readonly number[] = [],
  overrides: Partial<OrganisationInput> = {},
): { id: number; slug: string } {
  const suffix = randomBytes(3).toString("hex");
  return writeTransaction(db, (tx) =>
    insertConfirmedOrganisation(
      tx,
      {
        name: `Organisation de test ${suffix}`,
        kind: "association",
        siren: null,
        siret: randomSiret(),
        nafCode: "88.99B",
        communeCode: DEFAULT_COMMUNE_CODE,
        description: "Une organisation créée pour les tests.",
        website: null,
        contactEmail: null,
        ...overrides,
      },
      poles,
      representatives.map((userId) => ({ userId, position: "Directrice" })),
      new Date(),
    ),
  );
}

/** A body of the pôle, created by one of its animation team; with `seat`, that person holds a current mandate in it. */
export function createTestBody(db: Db, territoryId: number, animatorId: number, seat?: { userId: number }): { bodyId: number; mandateId?: number } {
  const body = createBody(db, territoryId, animatorId, { kind: "comite-pilotage", name: "Comité de pilotage", description: "" });
  if (!body.ok) throw new Error(body.message);
  if (!seat) return { bodyId: body.bodyId };
  const mandate = addMandate(db, territoryId, animatorId, { bodyId: body.bodyId, userId: seat.userId, organisationId: null, position: "Membre", startsOn: "2025-01-01", endsOn: null });
  if (!mandate.ok) throw new Error(mandate.message);
  return { bodyId: body.bodyId, mandateId: mandate.mandateId };
}
