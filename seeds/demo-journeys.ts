/**
 * Demo journeys for CRÉER and ACCOMPAGNER: a volunteer profile for every
 * `benevole`, about forty projects in every status with their needs, and
 * mentorships in every state with sessions and feedback. Runs inside
 * seedDemo's transaction, after the people exist; deterministic (its own
 * seeded faker, dates from `now`). Everything goes through the app's models.
 */
import { Faker, base, fr } from "@faker-js/faker";
import { asc, eq } from "drizzle-orm";
import { territoryCommunes, userRoles, users } from "#db/schema";
import { DAY_MS } from "~/domain/paris-time";
import {
  FUNDING_KINDS,
  LEGAL_FORMS,
  PROJECT_STAGES,
  VOLUNTEER_STATUSES,
  type NeedPriority,
  type ProjectKind,
  type SkillLevel,
} from "~/domain/vocabulary";
import { listActivityDomains, listSkills } from "~/models/catalog.server";
import {
  cancelRequest,
  endMentorship,
  giveFeedback,
  logSession,
  requestMentorship,
  respondToRequest,
} from "~/models/mentorship.server";
import {
  addSkillNeed,
  closeProject,
  createProject,
  listSkillNeeds,
  publishProject,
  saveFundingNeed,
} from "~/models/project.server";
import { saveVolunteerProfile } from "~/models/volunteer.server";
import { seedDemoOffer, seedDemoPartnerships } from "./demo-partnerships";
import type { Db } from "~/utils/db.server";

const SEED = 4004;

export type JourneyCounts = {
  volunteerProfiles: number;
  projects: number;
  skillNeeds: number;
  fundingNeeds: number;
  mentorships: number;
  sessions: number;
};

type Person = { id: number; email: string; displayName: string; communeCode: string; territoryId: number | null };

type Idea = {
  kind: ProjectKind;
  domain: string;
  title: string;
  pitch: string;
  needs: { skill: string; priority: NeedPriority; expectation: string }[];
};

// prettier-ignore
const IDEAS: readonly Idea[] = [
  { kind: "commerce-artisanat", domain: "alimentation-agriculture-durable", title: "Épicerie vrac et produits locaux", pitch: "Une épicerie sans emballage qui vend les légumes, fromages et farines des fermes voisines.", needs: [{ skill: "comptabilite", priority: "haute", expectation: "Construire le prévisionnel et choisir un logiciel de caisse." }, { skill: "communication", priority: "moyenne", expectation: "Faire connaître l'ouverture dans le village." }] },
  { kind: "a-son-compte", domain: "services-a-la-personne", title: "Aide à domicile pour personnes âgées", pitch: "Des services d'aide à domicile souples, avec des horaires choisis par les familles.", needs: [{ skill: "gestion-administrative", priority: "haute", expectation: "Obtenir l'agrément et organiser les plannings." }, { skill: "fiscalite", priority: "basse", expectation: "Comprendre le crédit d'impôt pour les clients." }] },
  { kind: "service", domain: "tic", title: "Dépannage informatique de proximité", pitch: "Réparer ordinateurs et téléphones, et former les habitants aux démarches en ligne.", needs: [{ skill: "commercial", priority: "haute", expectation: "Trouver mes premiers clients professionnels." }, { skill: "marketing", priority: "moyenne", expectation: "Fixer mes tarifs et mes forfaits." }] },
  { kind: "commerce-artisanat", domain: "batiment", title: "Menuiserie en bois local", pitch: "Fabrication de meubles et d'agencements avec du bois des forêts de la région.", needs: [{ skill: "techniques-de-financement", priority: "haute", expectation: "Financer les machines de l'atelier." }, { skill: "comptabilite", priority: "moyenne", expectation: "Suivre mes marges par chantier." }] },
  { kind: "entreprendre-a-plusieurs", domain: "restauration-tourisme-social", title: "Café associatif et tiers-lieu", pitch: "Un café ouvert à tous, avec ateliers, concerts et une petite restauration de saison.", needs: [{ skill: "gestion-administrative", priority: "haute", expectation: "Choisir entre association et SCIC." }, { skill: "techniques-de-financement", priority: "moyenne", expectation: "Monter un financement participatif." }, { skill: "communication", priority: "basse", expectation: "Animer la page du lieu." }] },
  { kind: "produit-innovation", domain: "eco-activites", title: "Compost collectif pour les restaurants", pitch: "Collecter les biodéchets des restaurants à vélo-cargo et les transformer en compost.", needs: [{ skill: "commercial", priority: "haute", expectation: "Convaincre les restaurateurs et la collectivité." }, { skill: "techniques-de-financement", priority: "haute", expectation: "Trouver les aides à l'investissement." }] },
  { kind: "a-son-compte", domain: "culture-industries-creatives", title: "Atelier de céramique", pitch: "Un atelier de poterie qui vend ses pièces et propose des cours aux habitants.", needs: [{ skill: "marketing", priority: "haute", expectation: "Vendre en ligne et sur les marchés." }] },
  { kind: "service", domain: "services-aux-entreprises", title: "Secrétariat partagé pour artisans", pitch: "Un secrétariat mutualisé pour les artisans : devis, factures, relances et rendez-vous.", needs: [{ skill: "commercial", priority: "moyenne", expectation: "Proposer des formules aux artisans." }, { skill: "fiscalite", priority: "moyenne", expectation: "Choisir mon régime de TVA." }] },
  { kind: "commerce-artisanat", domain: "alimentation-agriculture-durable", title: "Boulangerie au levain", pitch: "Du pain au levain avec des farines paysannes, cuit au feu de bois.", needs: [{ skill: "comptabilite", priority: "haute", expectation: "Établir le plan de financement du four." }, { skill: "techniques-de-financement", priority: "moyenne", expectation: "Préparer le dossier de prêt d'honneur." }] },
  { kind: "entreprendre-a-plusieurs", domain: "eco-activites", title: "Recyclerie solidaire", pitch: "Collecter, réparer et revendre meubles et objets, avec des emplois d'insertion.", needs: [{ skill: "gestion-administrative", priority: "haute", expectation: "Obtenir le conventionnement d'insertion." }, { skill: "communication", priority: "moyenne", expectation: "Mobiliser les habitants pour les dons." }] },
  { kind: "service", domain: "formation-professionnelle", title: "Formation aux métiers du numérique", pitch: "Des formations courtes au numérique pour les demandeurs d'emploi du territoire.", needs: [{ skill: "commercial", priority: "moyenne", expectation: "Répondre aux appels d'offres de formation." }, { skill: "gestion-administrative", priority: "haute", expectation: "Obtenir la certification Qualiopi." }] },
  { kind: "a-son-compte", domain: "batiment", title: "Rénovation énergétique des maisons", pitch: "Isolation et rénovation des maisons anciennes avec des matériaux biosourcés.", needs: [{ skill: "marketing", priority: "moyenne", expectation: "Me démarquer des grandes enseignes." }, { skill: "fiscalite", priority: "haute", expectation: "Expliquer les aides MaPrimeRénov' aux clients." }] },
  { kind: "commerce-artisanat", domain: "restauration-tourisme-social", title: "Food-truck de cuisine du marché", pitch: "Un camion de cuisine qui suit les marchés et cuisine les produits du jour.", needs: [{ skill: "comptabilite", priority: "moyenne", expectation: "Calculer le coût de revient des plats." }, { skill: "communication", priority: "haute", expectation: "Annoncer chaque semaine mes emplacements." }] },
  { kind: "produit-innovation", domain: "tic", title: "Application de covoiturage rural", pitch: "Une application simple pour partager les trajets entre villages, pensée avec les mairies.", needs: [{ skill: "techniques-de-financement", priority: "haute", expectation: "Lever des fonds auprès des collectivités." }, { skill: "marketing", priority: "moyenne", expectation: "Tester l'offre auprès des habitants." }] },
  { kind: "service", domain: "emploi-parcours", title: "Garde d'enfants aux horaires décalés", pitch: "Une garde d'enfants pour les parents qui travaillent tôt le matin ou le soir.", needs: [{ skill: "gestion-administrative", priority: "haute", expectation: "Comprendre les règles de l'accueil collectif." }] },
  { kind: "a-son-compte", domain: "services-aux-entreprises", title: "Conseil en communication pour associations", pitch: "Aider les associations à raconter leurs actions et trouver des bénévoles.", needs: [{ skill: "commercial", priority: "haute", expectation: "Trouver mes premiers clients." }, { skill: "fiscalite", priority: "basse", expectation: "Comprendre la franchise de TVA." }] },
  { kind: "commerce-artisanat", domain: "culture-industries-creatives", title: "Librairie-café", pitch: "Une librairie indépendante avec un coin café et des rencontres d'auteurs.", needs: [{ skill: "comptabilite", priority: "haute", expectation: "Gérer le stock et la trésorerie." }, { skill: "techniques-de-financement", priority: "moyenne", expectation: "Monter un club d'épargnants autour du projet." }] },
  { kind: "entreprendre-a-plusieurs", domain: "alimentation-agriculture-durable", title: "Maraîchage bio en coopérative", pitch: "Trois maraîchers qui s'installent ensemble et livrent paniers et cantines.", needs: [{ skill: "gestion-administrative", priority: "moyenne", expectation: "Rédiger les statuts de la coopérative." }, { skill: "commercial", priority: "haute", expectation: "Négocier avec la restauration collective." }] },
];

const PROJECT_COUNT = 36;
/** Status by position: a handful of drafts and closed projects among the published ones. */
function plannedStatus(i: number): "brouillon" | "publie" | "clos" {
  if (i % 6 === 5) return "brouillon";
  if (i % 8 === 3) return "clos";
  return "publie";
}

type Scenario = "demande" | "offre" | "acceptee" | "refusee" | "annulee" | "terminee" | "arretee" | "aucun";
// prettier-ignore
const SCENARIOS: readonly Scenario[] = ["acceptee", "demande", "terminee", "aucun", "refusee", "offre", "acceptee", "arretee", "annulee", "aucun", "terminee", "demande"];

const SESSION_TOPICS = [
  "Premier rendez-vous : objectifs de l'accompagnement",
  "Relecture du prévisionnel",
  "Préparation du rendez-vous bancaire",
  "Fixer les prix de vente",
  "Plan de communication pour l'ouverture",
  "Choix du statut juridique",
  "Point sur la trésorerie",
  "Préparer le comité de prêt d'honneur",
];

function loadPeople(db: Db, role: "benevole" | "porteur"): Person[] {
  const rows = db
    .select({ id: users.id, email: users.email, displayName: users.displayName, communeCode: users.communeCode })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(eq(userRoles.role, role))
    .orderBy(asc(users.id))
    .all();
  const territoryOf = new Map(
    db
      .select({ communeCode: territoryCommunes.communeCode, territoryId: territoryCommunes.territoryId })
      .from(territoryCommunes)
      .all()
      .map((r) => [r.communeCode, r.territoryId]),
  );
  return rows.map((r) => ({ ...r, territoryId: territoryOf.get(r.communeCode) ?? null }));
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

type Volunteer = Person & {
  skills: Map<number, SkillLevel>;
  max: number;
  active: number;
  paused: boolean;
  /** Requests and mentorships given to them by the seed, to spread the load. */
  assigned: number;
};

function seedProfiles(db: Db, faker: Faker, now: Date): Volunteer[] {
  const skills = listSkills(db);
  const domains = listActivityDomains(db);
  const bySlug = new Map(skills.map((s) => [s.slug, s.id]));
  return loadPeople(db, "benevole").map((person): Volunteer => {
    const fixed = person.email === "benevole@exemple.fr";
    const chosenSkills: { skillId: number; level: SkillLevel }[] = fixed
      ? [
          { skillId: bySlug.get("comptabilite")!, level: "expert" },
          { skillId: bySlug.get("gestion-administrative")!, level: "confirme" },
          { skillId: bySlug.get("techniques-de-financement")!, level: "confirme" },
        ]
      : faker.helpers
          .arrayElements(skills, { min: 1, max: 3 })
          .map((s) => ({ skillId: s.id, level: faker.helpers.weightedArrayElement([
            { weight: 2, value: "notions" as const },
            { weight: 5, value: "confirme" as const },
            { weight: 3, value: "expert" as const },
          ]) }));
    const paused = !fixed && faker.number.int({ min: 1, max: 12 }) === 1;
    const max = fixed ? 3 : faker.helpers.arrayElement([1, 2, 2, 2, 3]);
    const status = fixed
      ? "retraite"
      : faker.helpers.weightedArrayElement(
          VOLUNTEER_STATUSES.map((value, i) => ({ value, weight: [4, 3, 5, 1, 1, 1][i] ?? 1 })),
        );
    saveVolunteerProfile(
      db,
      person.id,
      {
        status,
        skills: chosenSkills,
        domainIds: faker.helpers.arrayElements(domains, { min: 1, max: 3 }).map((d) => d.id),
        communeCode: person.communeCode,
        radiusKm: faker.helpers.arrayElement([10, 20, 30, 30, 40, 60]),
        remoteOk: fixed || faker.datatype.boolean({ probability: 0.4 }),
        maxMentorships: max,
        hoursPerMonth: faker.helpers.arrayElement([2, 4, 4, 6, 8, 10]),
        bio: fixed
          ? "Ancienne expert-comptable, j'aide les créateurs à bâtir leur prévisionnel et à parler à leur banquier."
          : faker.helpers.arrayElement([
              "J'ai créé puis transmis une entreprise ; j'aime aider à démarrer.",
              "Salarié dans une PME du territoire, je donne quelques heures par mois.",
              "Retraitée de la banque, je connais bien les dossiers de financement.",
              "Étudiant en gestion, je veux être utile près de chez moi.",
              "Commerçant depuis vingt ans, je partage ce que j'ai appris.",
            ]),
        paused,
      },
      daysBefore(now, faker.number.int({ min: 30, max: 380 })),
    );
    return { ...person, skills: new Map(chosenSkills.map((s) => [s.skillId, s.level])), max, active: 0, paused, assigned: 0 };
  });
}

type SeededProject = { id: number; ownerId: number; territoryId: number | null; status: "brouillon" | "publie" | "clos"; publishedAt: Date };

function seedProjects(db: Db, faker: Faker, now: Date): { projects: SeededProject[]; fundingNeeds: number } {
  const skills = new Map(listSkills(db).map((s) => [s.slug, s.id]));
  const domains = new Map(listActivityDomains(db).map((d) => [d.slug, d.id]));
  const holders = loadPeople(db, "porteur");
  const fixedHolder = holders.find((h) => h.email === "porteur@exemple.fr");
  // The fixed holder first (two projects), then every other holder, some twice.
  const owners = [...(fixedHolder ? [fixedHolder, fixedHolder] : []), ...holders.filter((h) => h !== fixedHolder)];
  const projects: SeededProject[] = [];
  let fundingNeeds = 0;
  for (let i = 0; i < PROJECT_COUNT; i += 1) {
    const owner = owners[i % owners.length]!;
    const idea = IDEAS[i % IDEAS.length]!;
    const status = owner === fixedHolder && i === 1 ? "brouillon" : owner === fixedHolder ? "publie" : plannedStatus(i);
    const createdAt = daysBefore(now, faker.number.int({ min: 90, max: 420 }));
    // The fixed holder's first project seeks partners too (seeds/demo-partnerships.ts sends it a proposal).
    const seeksPartners =
      idea.kind === "entreprendre-a-plusieurs" || faker.datatype.boolean({ probability: 0.15 }) || (owner === fixedHolder && i === 0);
    const project = createProject(
      db,
      owner.id,
      {
        title: i < IDEAS.length ? idea.title : `${idea.title} (${faker.helpers.arrayElement(["2e projet", "nouvelle étape", "extension"])})`,
        pitch: idea.pitch,
        description: `${faker.helpers.arrayElement([
          "Le projet est né d'un constat partagé avec les habitants.",
          "Une étude de marché auprès de cinquante personnes confirme le besoin.",
          "Un local est repéré ; il reste à boucler le financement.",
          "Le porteur a suivi une formation à la création d'entreprise.",
        ])}`,
        kind: idea.kind,
        stage: faker.helpers.arrayElement(PROJECT_STAGES),
        legalForm: faker.helpers.arrayElement(LEGAL_FORMS),
        activityDomainId: domains.get(idea.domain)!,
        communeCode: owner.communeCode,
        remoteOk: faker.datatype.boolean({ probability: 0.5 }),
        jobsExpected: faker.number.int({ min: 1, max: 6 }),
      },
      createdAt,
    );
    if (seeksPartners) seedDemoOffer(db, owner.id, project.id, project.title, createdAt);
    for (const need of idea.needs) {
      addSkillNeed(
        db,
        project.id,
        { skillId: skills.get(need.skill)!, priority: need.priority, expectation: need.expectation, hoursPerMonth: faker.helpers.arrayElement([2, 3, 4, 6]) },
        createdAt,
      );
    }
    if (i % 5 === 0 || i % 7 === 2) {
      fundingNeeds += 1;
      saveFundingNeed(
        db,
        project.id,
        {
          amountCents: faker.helpers.arrayElement([3_000, 5_000, 8_000, 12_000, 20_000, 35_000]) * 100,
          kind: faker.helpers.arrayElement(FUNDING_KINDS),
          neededBy: isoDay(new Date(now.getTime() + faker.number.int({ min: 30, max: 240 }) * DAY_MS)),
          companyCapitalCents: faker.datatype.boolean() ? faker.helpers.arrayElement([5_000, 10_000, 30_000]) * 100 : null,
        },
        createdAt,
      );
    }
    const publishedAt = new Date(createdAt.getTime() + 7 * DAY_MS);
    if (status !== "brouillon") publishProject(db, project.id, publishedAt);
    projects.push({ id: project.id, ownerId: owner.id, territoryId: owner.territoryId, status, publishedAt });
  }
  return { projects, fundingNeeds };
}

/** A free, unpaused volunteer with the skill, of the project's pôle if possible; never the holder. */
function pickVolunteer(volunteers: Volunteer[], skillId: number, project: SeededProject, used: Set<number>, preferred?: Volunteer) {
  const fits = (v: Volunteer) => !v.paused && v.skills.has(skillId) && v.active < v.max && v.id !== project.ownerId && !used.has(v.id);
  if (preferred && preferred.assigned < 5 && fits(preferred)) return preferred;
  const leastBusy = (list: Volunteer[]) =>
    list.reduce<Volunteer | undefined>((best, v) => (!best || v.assigned < best.assigned ? v : best), undefined);
  const candidates = volunteers.filter(fits);
  return leastBusy(candidates.filter((v) => v.territoryId === project.territoryId)) ?? leastBusy(candidates);
}

function logSessions(db: Db, faker: Faker, mentorshipId: number, authorIds: number[], from: Date, to: Date): number {
  const count = Math.max(1, Math.min(6, Math.floor((to.getTime() - from.getTime()) / (20 * DAY_MS))));
  for (let k = 0; k < count; k += 1) {
    const heldOn = new Date(from.getTime() + ((k + 1) * (to.getTime() - from.getTime())) / (count + 1));
    const result = logSession(
      db,
      mentorshipId,
      faker.helpers.arrayElement(authorIds),
      {
        heldOn: isoDay(heldOn),
        durationMinutes: faker.helpers.arrayElement([45, 60, 90, 90, 120]),
        topic: SESSION_TOPICS[(mentorshipId + k) % SESSION_TOPICS.length]!,
        notes: k === 0 ? "Objectifs fixés ensemble ; prochain point dans quinze jours." : "",
      },
      heldOn,
    );
    if (!result.ok) throw new Error(`Demo session not logged: ${result.message}`);
  }
  return count;
}

function expectOk(result: { ok: boolean; message?: string }, what: string): void {
  if (!result.ok) throw new Error(`Demo ${what} failed: ${result.message ?? ""}`);
}

/** Mentorships in every state, following the scenarios in turn over the published and closed projects' needs. */
function seedMentorships(db: Db, faker: Faker, now: Date, projects: SeededProject[], volunteers: Volunteer[]) {
  const monique = volunteers.find((v) => v.email === "benevole@exemple.fr");
  let mentorshipCount = 0;
  let sessionCount = 0;
  let turn = 0;
  for (const project of projects.filter((p) => p.status !== "brouillon")) {
    const used = new Set<number>();
    for (const need of listSkillNeeds(db, project.id)) {
      let scenario = SCENARIOS[turn % SCENARIOS.length]!;
      turn += 1;
      // Closed projects keep only ended mentorships; pending ones would be withdrawn at closing anyway.
      if (project.status === "clos" && scenario !== "terminee" && scenario !== "aucun") scenario = "terminee";
      if (scenario === "aucun") continue;
      const volunteer = pickVolunteer(volunteers, need.skillId, project, used, monique);
      if (!volunteer) continue;
      used.add(volunteer.id);
      volunteer.assigned += 1;
      const requestedAt = new Date(project.publishedAt.getTime() + faker.number.int({ min: 2, max: 12 }) * DAY_MS);
      const fromVolunteer = scenario === "offre" || (scenario === "acceptee" && turn % 3 === 0);
      const request = requestMentorship(
        db,
        {
          needId: need.id,
          volunteerId: volunteer.id,
          initiatedBy: fromVolunteer ? "benevole" : "porteur",
          message: fromVolunteer
            ? "Bonjour, votre projet me parle : je peux vous aider sur ce point."
            : "Bonjour, votre profil correspond à ce que je cherche. Seriez-vous disponible ?",
        },
        requestedAt,
      );
      if (!request.ok) continue;
      mentorshipCount += 1;
      const id = request.id;
      const answerer = fromVolunteer ? project.ownerId : volunteer.id;
      const answeredAt = new Date(requestedAt.getTime() + 2 * DAY_MS);
      if (scenario === "demande" || scenario === "offre") continue;
      if (scenario === "annulee") {
        expectOk(cancelRequest(db, id, fromVolunteer ? volunteer.id : project.ownerId, answeredAt), "cancel");
        continue;
      }
      if (scenario === "refusee") {
        expectOk(
          respondToRequest(db, id, answerer, "refuser", "Merci, mais je suis déjà très pris en ce moment.", answeredAt),
          "decline",
        );
        continue;
      }
      expectOk(respondToRequest(db, id, answerer, "accepter", "Avec plaisir, appelons-nous cette semaine.", answeredAt), "accept");
      volunteer.active += 1;
      const sides = [volunteer.id, project.ownerId];
      if (scenario === "acceptee") {
        sessionCount += logSessions(db, faker, id, sides, answeredAt, daysBefore(now, 2));
        continue;
      }
      const endedAt = new Date(Math.min(answeredAt.getTime() + faker.number.int({ min: 60, max: 180 }) * DAY_MS, daysBefore(now, 5).getTime()));
      sessionCount += logSessions(db, faker, id, sides, answeredAt, endedAt);
      const ending = scenario === "terminee" ? "terminee" : "arretee";
      expectOk(
        endMentorship(
          db,
          id,
          project.ownerId,
          ending,
          {
            rating: ending === "terminee" ? faker.helpers.arrayElement([4, 5, 5]) : faker.helpers.arrayElement([2, 3]),
            comment:
              ending === "terminee"
                ? "Un accompagnement précieux : mon projet a pu démarrer."
                : "Nous avons arrêté d'un commun accord, le projet a changé de direction.",
          },
          endedAt,
        ),
        "end",
      );
      volunteer.active -= 1;
      expectOk(
        giveFeedback(
          db,
          id,
          volunteer.id,
          { rating: faker.helpers.arrayElement([4, 5]), comment: "Une belle rencontre, un porteur très impliqué." },
          new Date(endedAt.getTime() + DAY_MS),
        ),
        "feedback",
      );
    }
    if (project.status === "clos") closeProject(db, project.id, daysBefore(now, 3));
  }
  return { mentorshipCount, sessionCount };
}

/**
 * The fixed demo holder (porteur@exemple.fr) finds a volunteer's offer of help
 * waiting for an answer in « Mon espace ».
 */
function seedShowcaseOffer(db: Db, now: Date, projects: SeededProject[], volunteers: Volunteer[]): number {
  const holder = loadPeople(db, "porteur").find((p) => p.email === "porteur@exemple.fr");
  if (!holder) return 0;
  for (const project of projects.filter((p) => p.ownerId === holder.id && p.status === "publie")) {
    for (const need of listSkillNeeds(db, project.id).filter((n) => n.status === "ouvert")) {
      const volunteer = pickVolunteer(volunteers, need.skillId, project, new Set());
      if (!volunteer) continue;
      const offer = requestMentorship(
        db,
        {
          needId: need.id,
          volunteerId: volunteer.id,
          initiatedBy: "benevole",
          message: "Bonjour, j'ai monté une activité proche de la vôtre ; je serais heureux de vous aider.",
        },
        daysBefore(now, 1),
      );
      if (offer.ok) return 1;
    }
  }
  return 0;
}

/** Called by seedDemo inside its transaction, once the people exist. */
export function seedDemoJourneys(db: Db, now: Date): JourneyCounts {
  const faker = new Faker({ locale: [fr, base] });
  faker.seed(SEED);
  const volunteers = seedProfiles(db, faker, now);
  const { projects, fundingNeeds } = seedProjects(db, faker, now);
  const { mentorshipCount, sessionCount } = seedMentorships(db, faker, now, projects, volunteers);
  const showcase = seedShowcaseOffer(db, now, projects, volunteers);
  seedDemoPartnerships(db, now);
  return {
    volunteerProfiles: volunteers.length,
    projects: projects.length,
    skillNeeds: projects.reduce((n, p) => n + listSkillNeeds(db, p.id).length, 0),
    fundingNeeds,
    mentorships: mentorshipCount + showcase,
    sessions: sessionCount,
  };
}
