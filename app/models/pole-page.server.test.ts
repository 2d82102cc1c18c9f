import { describe, expect, it } from "vitest";
import { createTestAnimator, createTestTerritory } from "#seeds/factories";
import { createTestGroup } from "#seeds/pole-factories";
import type { Actor } from "~/domain/permissions";
import { getDb } from "~/utils/db.server";
import { getPolePresentation, listEditableAxes, removeAxis, saveAxis, updatePolePresentation } from "./pole-page.server";

const staffOf = (userId: number, territoryId: number): Actor => ({ userId, roles: ["animateur"], staffTerritoryIds: [territoryId] });
const presentation = { description: "Un pôle de test qui coopère.", address: null, contactEmail: "contact@pole.fr", phone: null, website: null, openingHours: "Le mardi" };

describe("the pôle's page and axes are edited by its animation team only", () => {
  it("refuses another pôle's animation team and changes nothing", async () => {
    const db = getDb();
    const pole = createTestTerritory(db);
    const other = createTestTerritory(db);
    const outsider = staffOf((await createTestAnimator(db, other.id)).id, other.id);
    const before = getPolePresentation(db, pole.id);
    expect(updatePolePresentation(db, outsider, pole.id, presentation)).toMatchObject({ ok: false, status: 403 });
    expect(saveAxis(db, outsider, pole.id, { axisId: null, name: "Intrus", description: "", theme: "autre" })).toMatchObject({ ok: false, status: 403 });
    expect(getPolePresentation(db, pole.id)).toEqual(before);
    expect(listEditableAxes(db, pole.id).map((a) => a.name)).toEqual(["Création d'activités"]);
  });

  it("lets its own team edit the presentation, add, change and remove axes", async () => {
    const db = getDb();
    const pole = createTestTerritory(db);
    const team = staffOf((await createTestAnimator(db, pole.id)).id, pole.id);
    expect(updatePolePresentation(db, team, pole.id, presentation).ok).toBe(true);
    expect(getPolePresentation(db, pole.id)).toMatchObject({ contactEmail: "contact@pole.fr", openingHours: "Le mardi" });
    expect(saveAxis(db, team, pole.id, { axisId: null, name: "Mobilité", description: "", theme: "mobilite" }).ok).toBe(true);
    const added = listEditableAxes(db, pole.id).at(-1)!;
    expect(added).toMatchObject({ name: "Mobilité", theme: "mobilite", position: 1 });
    expect(saveAxis(db, team, pole.id, { axisId: added.id, name: "Mobilité solidaire", description: "Covoiturage", theme: "mobilite" }).ok).toBe(true);
    expect(removeAxis(db, team, pole.id, added.id)).toMatchObject({ ok: true, name: "Mobilité solidaire" });
  });

  it("keeps an axis that holds working groups, and an axis of another pôle out of reach", async () => {
    const db = getDb();
    const pole = createTestTerritory(db);
    const other = createTestTerritory(db);
    const team = staffOf((await createTestAnimator(db, pole.id)).id, pole.id);
    createTestGroup(db, pole);
    const [axis] = listEditableAxes(db, pole.id);
    expect(removeAxis(db, team, pole.id, axis!.id)).toMatchObject({ ok: false, status: 409 });
    const [foreign] = listEditableAxes(db, other.id);
    expect(saveAxis(db, team, pole.id, { axisId: foreign!.id, name: "Détourné", description: "", theme: "autre" })).toMatchObject({ ok: false, status: 404 });
    expect(listEditableAxes(db, other.id)[0]!.name).toBe("Création d'activités");
  });
});
