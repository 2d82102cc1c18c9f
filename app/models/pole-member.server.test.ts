import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { charterAcceptances, charterVersions, notifications, workingGroupMembers } from "#db/schema";
import { createTestAnimator, createTestTerritory, createTestUser } from "#seeds/factories";
import { addTestMembers, createTestGroup, publishTestCharter } from "#seeds/pole-factories";
import type { Actor } from "~/domain/permissions";
import { getDb } from "~/utils/db.server";
import { pendingCharters, publishCharter } from "./charter.server";
import { acceptCurrentCharter, charterStandingOf, isMemberOfAny, joinPole, leavePole } from "./pole-member.server";
import { answerGroupRequest, groupStatusOf, listAxesWithGroups, pendingGroupRequests, requestToJoinGroup, updateGroup } from "./working-group.server";

const actorOf = (userId: number, staffTerritoryIds: number[] = []): Actor => ({
  userId,
  roles: staffTerritoryIds.length ? ["animateur"] : ["porteur"],
  staffTerritoryIds,
});

function acceptedVersions(territoryId: number, userId: number): number[] {
  return getDb()
    .select({ version: charterVersions.version })
    .from(charterAcceptances)
    .innerJoin(charterVersions, eq(charterVersions.id, charterAcceptances.charterVersionId))
    .where(and(eq(charterVersions.territoryId, territoryId), eq(charterAcceptances.userId, userId)))
    .all()
    .map((r) => r.version)
    .sort();
}

function titlesFor(userId: number): string[] {
  return getDb().select({ title: notifications.title }).from(notifications).where(eq(notifications.userId, userId)).all().map((n) => n.title);
}

describe("joining a pôle accepts its charter, version by version", () => {
  it("stores the acceptance of the version read, asks again after a new version, and keeps both", async () => {
    const db = getDb();
    const pole = createTestTerritory(db);
    const animator = await createTestAnimator(db, pole.id);
    const person = await createTestUser(db, { roles: ["porteur"] });
    const v1 = publishTestCharter(db, pole.id, animator.id);

    expect(joinPole(db, pole, person, v1, new Date()).ok).toBe(true);
    expect(isMemberOfAny(db, person.id, [pole.id])).toBe(true);
    expect(acceptedVersions(pole.id, person.id)).toEqual([1]);
    expect(pendingCharters(db, person.id)).toEqual([]);
    expect(titlesFor(animator.id)).toContain(`${person.displayName} a rejoint le ${pole.name}`);

    const v2 = publishTestCharter(db, pole.id, animator.id, "Deuxième version de la charte : les membres publient aussi leurs comptes rendus.");
    expect(v2).toBe(2);
    expect(charterStandingOf(db, pole.id, person.id)).toEqual({ kind: "to-accept", version: 2, acceptedVersion: 1 });
    expect(pendingCharters(db, person.id)).toEqual([{ slug: pole.slug, name: pole.name, version: 2 }]);

    expect(acceptCurrentCharter(db, pole.id, person.id, 2, new Date()).ok).toBe(true);
    expect(acceptedVersions(pole.id, person.id)).toEqual([1, 2]);
    expect(pendingCharters(db, person.id)).toEqual([]);
  });

  it("refuses to join without ticking the charter, or on a version replaced meanwhile, and stores nothing", async () => {
    const db = getDb();
    const pole = createTestTerritory(db);
    const animator = await createTestAnimator(db, pole.id);
    const person = await createTestUser(db);
    publishTestCharter(db, pole.id, animator.id);

    expect(joinPole(db, pole, person, null, new Date())).toMatchObject({ ok: false, status: 400, field: "accept" });
    publishTestCharter(db, pole.id, animator.id, "Une version publiée pendant que la personne lisait la précédente, avec un autre texte.");
    expect(joinPole(db, pole, person, 1, new Date())).toMatchObject({ ok: false, status: 409, message: expect.stringContaining("version 2") });
    expect(isMemberOfAny(db, person.id, [pole.id])).toBe(false);
    expect(acceptedVersions(pole.id, person.id)).toEqual([]);
  });

  it("lets only the pôle's animation team publish its charter, not another pôle's team", async () => {
    const db = getDb();
    const pole = createTestTerritory(db);
    const other = createTestTerritory(db);
    const outsider = await createTestAnimator(db, other.id);
    const refused = publishCharter(db, actorOf(outsider.id, [other.id]), pole.id, { body: "x".repeat(60), changeNote: "" }, new Date());
    expect(refused).toMatchObject({ ok: false, status: 403 });
    expect(db.select().from(charterVersions).where(eq(charterVersions.territoryId, pole.id)).all()).toEqual([]);
  });

  it("leaving the pôle leaves its working groups and their coordination", async () => {
    const db = getDb();
    const pole = createTestTerritory(db);
    const person = await createTestUser(db);
    const group = createTestGroup(db, pole, { coordinatorId: person.id, memberIds: [person.id] });
    expect(leavePole(db, pole.id, person.id).ok).toBe(true);
    expect(groupStatusOf(db, group.id, person.id)).toBeNull();
    expect(isMemberOfAny(db, person.id, [pole.id])).toBe(false);
  });
});

describe("working groups: members ask, the coordinator or the animation team answers", () => {
  async function setUp() {
    const db = getDb();
    const pole = createTestTerritory(db);
    const coordinator = await createTestUser(db);
    const asker = await createTestUser(db, { displayName: "Inès Caron" });
    const group = createTestGroup(db, pole, { coordinatorId: coordinator.id });
    addTestMembers(db, pole.id, [asker.id]);
    return { db, pole, coordinator, asker, group: { ...group, coordinatorId: coordinator.id } };
  }

  it("refuses a person who has not joined the pôle", async () => {
    const { db, pole, group } = await setUp();
    const stranger = await createTestUser(db);
    const outcome = requestToJoinGroup(db, pole, group, stranger, { message: "", organisationId: null }, new Date());
    expect(outcome).toMatchObject({ ok: false, status: 403 });
    expect(groupStatusOf(db, group.id, stranger.id)).toBeNull();
  });

  it("tells the coordinator of a request, and the person of the answer", async () => {
    const { db, pole, coordinator, asker, group } = await setUp();
    expect(requestToJoinGroup(db, pole, group, asker, { message: "Je connais bien le sujet.", organisationId: null }, new Date()).ok).toBe(true);
    expect(requestToJoinGroup(db, pole, group, asker, { message: "", organisationId: null }, new Date())).toMatchObject({ ok: false, status: 409 });
    expect(titlesFor(coordinator.id)).toContain(`Inès Caron demande à rejoindre le groupe « ${group.name} »`);

    const [request] = pendingGroupRequests(db, group.id);
    expect(answerGroupRequest(db, actorOf(coordinator.id), pole, group.id, request!.id, true, new Date())).toMatchObject({ ok: true });
    expect(groupStatusOf(db, group.id, asker.id)).toBe("confirmee");
    expect(titlesFor(asker.id)).toContain(`Bienvenue dans le groupe « ${group.name} »`);
    expect(answerGroupRequest(db, actorOf(coordinator.id), pole, group.id, request!.id, false, new Date())).toMatchObject({ ok: false, status: 409 });
  });

  it("refuses an answer from another member or from another pôle's animation team", async () => {
    const { db, pole, asker, group } = await setUp();
    requestToJoinGroup(db, pole, group, asker, { message: "", organisationId: null }, new Date());
    const [request] = pendingGroupRequests(db, group.id);
    const member = await createTestUser(db);
    const other = createTestTerritory(db);
    const otherAnimator = await createTestAnimator(db, other.id);
    expect(answerGroupRequest(db, actorOf(member.id), pole, group.id, request!.id, true, new Date())).toMatchObject({ ok: false, status: 403 });
    expect(answerGroupRequest(db, actorOf(otherAnimator.id, [other.id]), pole, group.id, request!.id, true, new Date())).toMatchObject({ ok: false, status: 403 });
    expect(groupStatusOf(db, group.id, asker.id)).toBe("demandee");
    const ownAnimator = await createTestAnimator(db, pole.id);
    expect(answerGroupRequest(db, actorOf(ownAnimator.id, [pole.id]), pole, group.id, request!.id, false, new Date()).ok).toBe(true);
    expect(db.select({ status: workingGroupMembers.status }).from(workingGroupMembers).where(eq(workingGroupMembers.id, request!.id)).get()?.status).toBe("refusee");
  });

  it("keeps editing a group to the animation team and its coordinator among the pôle's members", async () => {
    const { db, pole, coordinator, group } = await setUp();
    const animator = await createTestAnimator(db, pole.id);
    const axisId = listAxesWithGroups(db, pole.id)[0]!.id;
    const input = { axisId, purpose: "Se voir chaque mois.", coordinatorId: null, links: [] };
    expect(updateGroup(db, actorOf(coordinator.id), pole.id, group.id, input)).toMatchObject({ ok: false, status: 403 });
    const outsider = await createTestUser(db);
    expect(updateGroup(db, actorOf(animator.id, [pole.id]), pole.id, group.id, { ...input, coordinatorId: outsider.id })).toMatchObject({
      ok: false,
      field: "coordinatorId",
    });
    expect(updateGroup(db, actorOf(animator.id, [pole.id]), pole.id, group.id, input).ok).toBe(true);
  });
});
