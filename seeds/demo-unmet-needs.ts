/**
 * Demo register of unmet needs for the two active pôles: needs posted by members, supported and
 * commented, some studied by the animation team, one answered by a published project, one followed
 * by a working group, one not retained with the team's reason, and one turned into a project draft.
 */
import { DAY_MS } from "~/domain/paris-time";
import type { ProjectKind, UnmetNeedStatus } from "~/domain/vocabulary";
import { listActivityDomains, listSkills } from "~/models/catalog.server";
import { listPoleMembers } from "~/models/pole-member.server";
import { addSkillNeed, listPublishedProjectsInTerritories } from "~/models/project.server";
import { getTerritoryBySlug } from "~/models/territory.server";
import { addNeedComment, createUnmetNeed, draftProjectFromNeed, getUnmetNeed, linkNeedAnswer, qualifyNeed, setSupport } from "~/models/unmet-need.server";
import { listAxesWithGroups } from "~/models/working-group.server";
import type { Db } from "~/utils/db.server";
import { SAMBRE_AVESNOIS, VALS_DE_SAINTONGE } from "./territories";

type DemoNeed = {
  title: string;
  description: string;
  affected: string;
  communeCode: string | null;
  placeNote?: string;
  daysAgo: number;
  supporters: number;
  comments?: string[];
  status?: { value: UnmetNeedStatus; note: string };
  /** A published project of the pôle whose title holds this text answers it. */
  answeredBy?: string;
  /** A working group of the pôle (by slug) follows it. */
  followedBy?: string;
  /** The team turns it into a project draft handed to a member. */
  draft?: { domain: string; kind: ProjectKind };
};

const NEEDS: Record<string, DemoNeed[]> = {
  [VALS_DE_SAINTONGE.slug]: [
    {
      title: "Aller travailler sans voiture depuis les villages",
      description:
        "Plusieurs personnes en recherche d'emploi ont refusé une embauche faute de pouvoir se rendre au travail : les cars ne passent qu'aux heures scolaires et les zones d'activité de Saint-Jean-d'Angély ne sont pas desservies. Un garage solidaire ou un prêt de scooters a été évoqué en réunion, sans suite pour l'instant.",
      affected: "les demandeurs d'emploi et les jeunes sans permis des communes rurales du canton",
      communeCode: null,
      placeNote: "les communes rurales autour de Saint-Jean-d'Angély",
      daysAgo: 95,
      supporters: 9,
      comments: [
        "La mission locale prête deux scooters, mais la liste d'attente dépasse trois mois.",
        "Une application de covoiturage entre villages est en projet sur le pôle : elle pourrait répondre en partie.",
      ],
      answeredBy: "covoiturage",
      status: { value: "a-l-etude", note: "Le groupe opérationnel rencontre la communauté de communes en janvier pour étudier un service de transport à la demande." },
    },
    {
      title: "Un lieu pour réparer plutôt que jeter",
      description:
        "Les déchetteries reçoivent chaque semaine des meubles, des vélos et de l'électroménager qui pourraient resservir. Il n'existe aucun atelier ouvert au public pour apprendre à réparer ni de boutique de seconde main sur le territoire.",
      affected: "les habitants aux revenus modestes, et les personnes qui cherchent une activité utile",
      communeCode: "17347",
      daysAgo: 240,
      supporters: 14,
      answeredBy: "Recyclerie",
      status: { value: "repondu", note: "Une recyclerie solidaire, accompagnée par le pôle, ouvre avec des emplois d'insertion." },
    },
    {
      title: "Une garde d'enfants tôt le matin et le soir",
      description:
        "Les crèches ferment à 18 h 30 et n'ouvrent pas avant 7 h 30 ; les parents qui travaillent dans l'aide à domicile, la logistique ou le commerce n'ont pas de solution, surtout le samedi.",
      affected: "les parents aux horaires décalés, en particulier les familles monoparentales",
      communeCode: null,
      daysAgo: 60,
      supporters: 6,
      status: {
        value: "non-retenu",
        note: "La petite enfance relève de la communauté de communes, qui prépare un relais d'assistantes maternelles aux horaires élargis : le pôle lui a transmis le besoin et les témoignages.",
      },
    },
    {
      title: "Une épicerie dans les bourgs qui n'en ont plus",
      description:
        "Depuis la fermeture de la dernière épicerie, il faut faire 15 km pour acheter du pain ou du lait. Les personnes âgées dépendent de leurs voisins. Un commerce multiservice, même ouvert quelques jours par semaine, changerait la vie du bourg.",
      affected: "les personnes âgées et les habitants sans voiture des bourgs sans commerce",
      communeCode: null,
      placeNote: "les bourgs du nord du canton",
      daysAgo: 21,
      supporters: 7,
      comments: ["La mairie dispose d'un local vacant sur la place, qu'elle pourrait louer à prix modéré."],
      draft: { domain: "alimentation-agriculture-durable", kind: "commerce-artisanat" },
    },
  ],
  [SAMBRE_AVESNOIS.slug]: [
    {
      title: "Rejoindre les chantiers d'insertion sans moyen de transport",
      description:
        "Les structures d'insertion de l'Avesnois peinent à recruter : les chantiers sont en pleine campagne et les salariés en parcours n'ont souvent ni permis ni véhicule. Certaines structures font des navettes avec leurs propres moyens, sans coordination.",
      affected: "les salariés en parcours d'insertion et les structures qui les emploient",
      communeCode: null,
      placeNote: "l'Avesnois rural",
      daysAgo: 130,
      supporters: 8,
      followedBy: "transport-solidaire",
      status: { value: "a-l-etude", note: "Le groupe « Transport solidaire » recense les navettes existantes pour proposer une mutualisation." },
    },
    {
      title: "Des débouchés locaux pour les petits maraîchers",
      description:
        "Les maraîchers installés récemment vendent surtout sur les marchés et manquent de débouchés réguliers ; les cantines des communes achètent loin faute d'un outil de commande commun.",
      affected: "les maraîchers du territoire et les cantines scolaires",
      communeCode: "59392",
      daysAgo: 45,
      supporters: 5,
      comments: ["Le groupe « Circuits courts » pourrait porter une plateforme de commande commune."],
    },
    {
      title: "Rénover les logements des propriétaires modestes",
      description:
        "Beaucoup de maisons ouvrières sont mal isolées et leurs propriétaires n'osent pas se lancer : devis difficiles à comparer, aides compliquées, peu d'artisans disponibles pour les petits chantiers.",
      affected: "les propriétaires occupants aux revenus modestes",
      communeCode: null,
      daysAgo: 12,
      supporters: 3,
    },
  ],
};

export function seedDemoUnmetNeeds(db: Db, now: Date): { needs: number } {
  let needs = 0;
  const domains = listActivityDomains(db);
  const skills = listSkills(db);
  for (const [slug, list] of Object.entries(NEEDS)) {
    const pole = getTerritoryBySlug(db, slug);
    const staff = pole?.animators[0];
    if (!pole || !staff) throw new Error(`Demo pôle ${slug} or its animation team missing`);
    const actor = { userId: staff.id, roles: ["animateur" as const], staffTerritoryIds: [pole.id] };
    const members = listPoleMembers(db, pole.id);
    if (members.length < 20) throw new Error(`Demo pôle ${slug} has too few members for its needs`);
    const projects = listPublishedProjectsInTerritories(db, [pole.id]);
    const groups = listAxesWithGroups(db, pole.id).flatMap((axis) => axis.groups);
    list.forEach((seed, index) => {
      const postedAt = new Date(now.getTime() - seed.daysAgo * DAY_MS);
      // Members take turns: the author, then the next ones support and comment.
      const author = members[(index * 7) % members.length]!;
      const created = createUnmetNeed(
        db,
        author,
        {
          territoryId: pole.id,
          title: seed.title,
          description: seed.description,
          affected: seed.affected,
          communeCode: seed.communeCode,
          placeNote: seed.placeNote ?? "",
        },
        postedAt,
      );
      if (!created.ok) throw new Error(created.message);
      const need = getUnmetNeed(db, created.id)!;
      for (let s = 1; s <= seed.supporters; s += 1) {
        setSupport(db, created.id, members[(index * 7 + s) % members.length]!.id, true, new Date(postedAt.getTime() + s * DAY_MS));
      }
      (seed.comments ?? []).forEach((body, c) => {
        const commenter = members[(index * 7 + c + 2) % members.length]!;
        addNeedComment(db, need, commenter, body, new Date(postedAt.getTime() + (c + 2) * DAY_MS));
      });
      const answeredAt = new Date(postedAt.getTime() + Math.floor(seed.daysAgo / 2) * DAY_MS);
      if (seed.answeredBy) {
        const project = projects.find((p) => p.title.toLowerCase().includes(seed.answeredBy!.toLowerCase()));
        if (project) {
          const linked = linkNeedAnswer(db, actor, need, { projectId: project.id }, answeredAt);
          if (!linked.ok) throw new Error(linked.message);
        }
      }
      if (seed.followedBy) {
        const group = groups.find((g) => g.slug === seed.followedBy);
        if (!group) throw new Error(`Demo group ${seed.followedBy} missing in ${slug}`);
        const linked = linkNeedAnswer(db, actor, need, { groupId: group.id }, answeredAt);
        if (!linked.ok) throw new Error(linked.message);
      }
      if (seed.draft) {
        const domain = domains.find((d) => d.slug === seed.draft!.domain);
        if (!domain) throw new Error(`Demo domain ${seed.draft.domain} missing`);
        const holder = listPoleMembers(db, pole.id, { role: "porteur" }).find((m) => m.id !== author.id);
        if (!holder) throw new Error(`Demo pôle ${slug} has no holder to hand a draft to`);
        const drafted = draftProjectFromNeed(db, actor, need, { holderId: holder.id, activityDomainId: domain.id, kind: seed.draft.kind }, answeredAt);
        if (!drafted.ok) throw new Error(drafted.message);
        // The holder has started completing the draft: the skill it needs first.
        const skill = skills.find((k) => k.slug === "commercial");
        if (!skill) throw new Error("Demo skill commercial missing");
        addSkillNeed(db, drafted.projectId, { skillId: skill.id, priority: "haute", expectation: "Trouver un local et estimer la clientèle du bourg.", hoursPerMonth: 4 }, answeredAt);
      }
      if (seed.status) {
        const qualified = qualifyNeed(db, actor, need, { status: seed.status.value, statusNote: seed.status.note }, answeredAt);
        if (!qualified.ok) throw new Error(qualified.message);
      }
      needs += 1;
    });
  }
  return { needs };
}
