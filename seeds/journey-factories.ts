/**
 * Test factories for CRÉER and ACCOMPAGNER, through the app's models:
 * projects with needs, volunteer profiles, mentorship requests.
 */
import type { NeedPriority, SkillLevel } from "~/domain/vocabulary";
import { listActivityDomains, listSkills } from "~/models/catalog.server";
import { requestMentorship, respondToRequest } from "~/models/mentorship.server";
import {
  addSkillNeed,
  createProject,
  publishProject,
  type ProjectInput,
  type ProjectRow,
} from "~/models/project.server";
import { saveProjectOffer, type OfferInput } from "~/models/partnership.server";
import { saveVolunteerProfile, type VolunteerProfileInput } from "~/models/volunteer.server";
import type { User } from "~/models/user.server";
import type { Db } from "~/utils/db.server";
import { createTestUser, DEFAULT_COMMUNE_CODE, type TestUserOverrides } from "./factories";

export function skillId(db: Db, slug: string): number {
  const skill = listSkills(db).find((s) => s.slug === slug);
  if (!skill) throw new Error(`Unknown skill ${slug}`);
  return skill.id;
}

export function firstDomainId(db: Db): number {
  return listActivityDomains(db)[0]!.id;
}

export type TestProject = ProjectRow & { needIds: number[] };

/** A project of `ownerId` with one need per skill slug; published unless told otherwise. */
export function createTestProject(
  db: Db,
  ownerId: number,
  options: {
    status?: "brouillon" | "publie";
    needs?: { skill: string; priority?: NeedPriority }[];
    overrides?: Partial<ProjectInput>;
    /** An open partnership offer (« M'associer avec d'autres »), saved before publishing. */
    offer?: Partial<OfferInput>;
    now?: Date;
  } = {},
): TestProject {
  const now = options.now ?? new Date();
  const project = createProject(
    db,
    ownerId,
    {
      title: "Épicerie de test",
      pitch: "Une épicerie de produits locaux pour les tests.",
      description: "",
      kind: "commerce-artisanat",
      stage: "creation",
      legalForm: "sarl",
      activityDomainId: firstDomainId(db),
      communeCode: DEFAULT_COMMUNE_CODE,
      remoteOk: false,
      jobsExpected: 2,
      ...options.overrides,
    },
    now,
  );
  const needIds = (options.needs ?? [{ skill: "comptabilite" }]).map((need) =>
    addSkillNeed(
      db,
      project.id,
      { skillId: skillId(db, need.skill), priority: need.priority ?? "haute", expectation: "", hoursPerMonth: 4 },
      now,
    ),
  );
  if (options.offer) {
    const saved = saveProjectOffer(
      db,
      ownerId,
      project.id,
      { brings: "Un local et du matériel à partager.", seeks: "Un associé au capital et au travail.", open: true, ...options.offer },
      now,
    );
    if (!saved.ok) throw new Error(saved.message);
  }
  if ((options.status ?? "publie") === "publie") {
    const published = publishProject(db, project.id, now);
    if (!published.ok) throw new Error(published.message);
  }
  return { ...project, status: options.status ?? "publie", needIds };
}

export async function createTestHolder(db: Db, overrides: TestUserOverrides = {}): Promise<User> {
  return createTestUser(db, { roles: ["porteur"], ...overrides });
}

/** A `benevole` with a profile: the given skills (default comptabilité, expert), capacity `max`. */
export async function createTestVolunteer(
  db: Db,
  options: { skills?: { skill: string; level?: SkillLevel }[]; max?: number; profile?: Partial<VolunteerProfileInput> } & {
    user?: TestUserOverrides;
  } = {},
): Promise<User> {
  const user = await createTestUser(db, { roles: ["benevole"], ...options.user });
  saveVolunteerProfile(
    db,
    user.id,
    {
      status: "retraite",
      skills: (options.skills ?? [{ skill: "comptabilite" }]).map((s) => ({ skillId: skillId(db, s.skill), level: s.level ?? "expert" })),
      domainIds: [],
      communeCode: user.communeCode,
      radiusKm: 30,
      remoteOk: true,
      maxMentorships: options.max ?? 2,
      hoursPerMonth: 4,
      bio: "",
      paused: false,
      ...options.profile,
    },
    new Date(),
  );
  return user;
}

/** A holder's request to a volunteer on a need; returns the mentorship id. */
export function createTestRequest(db: Db, needId: number, volunteerId: number, initiatedBy: "porteur" | "benevole" = "porteur"): number {
  const result = requestMentorship(db, { needId, volunteerId, initiatedBy, message: "" }, new Date());
  if (!result.ok) throw new Error(result.message);
  return result.id;
}

/** A request accepted by its addressee. */
export function createTestMentorship(db: Db, needId: number, volunteerId: number): number {
  const id = createTestRequest(db, needId, volunteerId);
  const accepted = respondToRequest(db, id, volunteerId, "accepter", "", new Date());
  if (!accepted.ok) throw new Error(accepted.message);
  return id;
}
