/** Test data for pôle membership, charters and working groups. */
import { listAxesWithGroups, seedGroup } from "~/models/working-group.server";
import { publishCharter } from "~/models/charter.server";
import { addPoleMember } from "~/models/pole-member.server";
import { createUnmetNeed } from "~/models/unmet-need.server";
import { writeTransaction, type Db } from "~/utils/db.server";
import type { Territory } from "~/models/territory.server";

export const TEST_CHARTER =
  "Les membres du pôle coopèrent plutôt que de se faire concurrence, partagent leurs compétences et publient leurs décisions.";

/** Makes these people members of the pôle (no charter needed). */
export function addTestMembers(db: Db, territoryId: number, userIds: readonly number[], now = new Date()): void {
  writeTransaction(db, (tx) => {
    for (const id of userIds) addPoleMember(tx, territoryId, id, now);
  });
}

/** Publishes a version of the pôle's charter as its first animator would; returns its number. */
export function publishTestCharter(db: Db, territoryId: number, animatorId: number, body = TEST_CHARTER, now = new Date()): number {
  const outcome = publishCharter(db, { userId: animatorId, roles: ["animateur"], staffTerritoryIds: [territoryId] }, territoryId, { body, changeNote: "" }, now);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.version;
}

let groupCounter = 0;

/** A working group under the pôle's first axis, with its coordinator and confirmed members (all made pôle members). */
export function createTestGroup(
  db: Db,
  pole: Territory,
  options: { coordinatorId?: number | null; memberIds?: readonly number[]; name?: string } = {},
  now = new Date(),
): { id: number; slug: string; name: string } {
  const axis = listAxesWithGroups(db, pole.id)[0];
  if (!axis) throw new Error("createTestGroup: the pôle has no axis");
  const name = options.name ?? `Groupe de test ${++groupCounter}`;
  const members = [...(options.memberIds ?? [])];
  const coordinatorId = options.coordinatorId ?? null;
  addTestMembers(db, pole.id, coordinatorId === null ? members : [coordinatorId, ...members], now);
  const id = writeTransaction(db, (tx) => seedGroup(tx, { territoryId: pole.id, axisId: axis.id, name, purpose: "Un groupe créé pour les tests.", coordinatorId, memberIds: members }, now));
  const slug = listAxesWithGroups(db, pole.id).flatMap((a) => a.groups).find((g) => g.id === id)!.slug;
  return { id, slug, name };
}

/** An unmet need of the pôle's territory, posted by `authorId`. */
export function createTestUnmetNeed(db: Db, territoryId: number, authorId: number, now = new Date()): { id: number } {
  const created = createUnmetNeed(
    db,
    { id: authorId, displayName: "Auteur du besoin" },
    {
      territoryId,
      title: "Un service qui manque",
      description: "Personne ne propose ce service sur le territoire, et les habitants doivent aller loin.",
      affected: "les habitants des villages",
      communeCode: null,
      placeNote: "",
    },
    now,
  );
  if (!created.ok) throw new Error(created.message);
  return { id: created.id };
}
