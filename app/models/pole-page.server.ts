/**
 * What the animation team edits on its pôle's page: the presentation, the contact and opening hours,
 * and the axes (name, description, shared theme, order). Every write re-checks `isStaffOf`.
 */
import { and, asc, count, eq, max } from "drizzle-orm";
import { territories, territoryAxes, workingGroups } from "#db/schema";
import { isStaffOf, type Actor } from "~/domain/permissions";
import type { AxisTheme } from "~/domain/vocabulary";
import { writeTransaction, type Db, type Reader } from "~/utils/db.server";
import { fail, type Outcome } from "./outcome";

export type PolePresentation = {
  description: string;
  address: string | null;
  contactEmail: string | null;
  phone: string | null;
  website: string | null;
  openingHours: string | null;
};

export type EditableAxis = { id: number; position: number; name: string; description: string; theme: AxisTheme; groupCount: number };

const REFUSED = "Seule l'équipe d'animation du pôle modifie sa page et ses axes.";

export function getPolePresentation(q: Reader, territoryId: number): PolePresentation | undefined {
  return q
    .select({
      description: territories.description,
      address: territories.address,
      contactEmail: territories.contactEmail,
      phone: territories.phone,
      website: territories.website,
      openingHours: territories.openingHours,
    })
    .from(territories)
    .where(eq(territories.id, territoryId))
    .get();
}

export function listEditableAxes(q: Reader, territoryId: number): EditableAxis[] {
  return q
    .select({
      id: territoryAxes.id,
      position: territoryAxes.position,
      name: territoryAxes.name,
      description: territoryAxes.description,
      theme: territoryAxes.theme,
      groupCount: count(workingGroups.id),
    })
    .from(territoryAxes)
    .leftJoin(workingGroups, eq(workingGroups.axisId, territoryAxes.id))
    .where(eq(territoryAxes.territoryId, territoryId))
    .groupBy(territoryAxes.id)
    .orderBy(asc(territoryAxes.position), asc(territoryAxes.id))
    .all();
}

export function updatePolePresentation(db: Db, actor: Actor, territoryId: number, input: PolePresentation): Outcome {
  if (!isStaffOf(actor, territoryId)) return fail(403, REFUSED);
  db.update(territories).set(input).where(eq(territories.id, territoryId)).run();
  return { ok: true };
}

/** Adds an axis at the end (no `axisId`) or changes one of this pôle's axes. */
export function saveAxis(
  db: Db,
  actor: Actor,
  territoryId: number,
  input: { axisId: number | null; name: string; description: string; theme: AxisTheme },
): Outcome {
  if (!isStaffOf(actor, territoryId)) return fail(403, REFUSED);
  return writeTransaction(db, (tx) => {
    const values = { name: input.name, description: input.description, theme: input.theme };
    if (input.axisId === null) {
      const last = tx.select({ position: max(territoryAxes.position) }).from(territoryAxes).where(eq(territoryAxes.territoryId, territoryId)).get();
      tx.insert(territoryAxes).values({ territoryId, position: (last?.position ?? -1) + 1, ...values }).run();
      return { ok: true };
    }
    const updated = tx
      .update(territoryAxes)
      .set(values)
      .where(and(eq(territoryAxes.id, input.axisId), eq(territoryAxes.territoryId, territoryId)))
      .run();
    return updated.changes === 1 ? { ok: true } : fail(404, "Axe introuvable dans ce pôle.");
  });
}

/** Removes an axis that holds no working group (a group's page must keep its axis). */
export function removeAxis(db: Db, actor: Actor, territoryId: number, axisId: number): Outcome<{ name: string }> {
  if (!isStaffOf(actor, territoryId)) return fail(403, REFUSED);
  return writeTransaction(db, (tx) => {
    const axis = tx
      .select({ name: territoryAxes.name })
      .from(territoryAxes)
      .where(and(eq(territoryAxes.id, axisId), eq(territoryAxes.territoryId, territoryId)))
      .get();
    if (!axis) return fail(404, "Axe introuvable dans ce pôle.");
    const groups = tx.select({ n: count() }).from(workingGroups).where(eq(workingGroups.axisId, axisId)).get()?.n ?? 0;
    if (groups > 0) {
      return fail(409, `L'axe « ${axis.name} » réunit ${groups} groupe${groups > 1 ? "s" : ""} de travail : rattachez-les d'abord à un autre axe.`);
    }
    tx.delete(territoryAxes).where(eq(territoryAxes.id, axisId)).run();
    return { ok: true, name: axis.name };
  });
}
