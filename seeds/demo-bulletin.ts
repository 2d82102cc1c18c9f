/**
 * Demo bulletin of the two active pôles: articles written by members and published by the animation
 * team, one waiting for review and one sent back for changes (the demo volunteer's, to edit).
 */
import { DAY_MS } from "~/domain/paris-time";
import { reviewArticle, submitArticle } from "~/models/article.server";
import { listPoleMembers } from "~/models/pole-member.server";
import { getTerritoryBySlug } from "~/models/territory.server";
import { findUserByEmail } from "~/models/user.server";
import type { Db } from "~/utils/db.server";
import { SAMBRE_AVESNOIS, VALS_DE_SAINTONGE } from "./territories";

type DemoArticle = {
  title: string;
  summary: string;
  body: string;
  daysAgo: number;
  /** What the team decided; none: still waiting for it. */
  review?: { decision: "publish" } | { decision: "request-changes"; note: string };
  /** A fixed demo account writes it (else a member of the pôle). */
  author?: string;
};

const ARTICLES: Record<string, DemoArticle[]> = {
  [VALS_DE_SAINTONGE.slug]: [
    {
      title: "La recyclerie ouvre ses portes à Saint-Jean-d'Angély",
      summary: "Meubles, vélos et petit électroménager réparés trouvent une seconde vie, et quatre salariés en insertion un emploi.",
      body: "Après un an de préparation accompagnée par le pôle, la **recyclerie solidaire** a ouvert samedi.\n\n## Ce qu'on y trouve\n\n- des meubles remis en état ;\n- des vélos révisés par l'atelier ;\n- du petit électroménager testé et garanti trois mois.\n\nLes dons sont reçus du mardi au samedi. Deux bénévoles du pôle ont aidé à monter le dossier de conventionnement d'insertion.",
      daysAgo: 40,
      review: { decision: "publish" },
    },
    {
      title: "Le club d'épargnants fait son premier investissement",
      summary: "Douze épargnants de la Cigale des Vals ont voté à l'unanimité une entrée au capital de l'épicerie vrac.",
      body: "Réunis en assemblée, les membres du club ont étudié le prévisionnel de l'épicerie et rencontré son porteur.\n\nIls ont décidé d'entrer à son capital et de l'accompagner pendant cinq ans : un membre du club suivra les comptes avec lui chaque trimestre.\n\n> « Nous voulions que notre épargne serve ici, dans le canton. »",
      daysAgo: 25,
      review: { decision: "publish" },
    },
    {
      title: "Un an d'accompagnement bénévole : ce que nous avons appris",
      summary: "Vingt binômes porteur-bénévole, des rencontres mensuelles et quelques leçons pour la suite.",
      body: "Le collectif des accompagnants a fait le point sur sa première année.\n\n1. Un accompagnement réussi commence par une attente claire, écrite dès la première rencontre.\n2. Une rencontre par mois suffit souvent, à condition de s'y tenir.\n3. Les bénévoles retraités et les salariés se complètent bien.\n\nPour rejoindre le collectif, voyez la page [Accompagner](/accompagner).",
      daysAgo: 10,
      review: { decision: "publish" },
    },
    {
      title: "Retour sur la Ronde saintongeaise",
      summary: "Le groupe de la Ronde prépare l'édition du printemps et cherche des bénévoles pour baliser les étapes.",
      body: "La Ronde relie chaque année les lieux du territoire qui coopèrent. L'édition du printemps passera par six communes.\n\nNous cherchons des personnes pour baliser les étapes et accueillir les marcheurs.",
      daysAgo: 3,
      author: "benevole@exemple.fr",
      review: { decision: "request-changes", note: "Merci ! Pouvez-vous préciser les dates et le point de départ de chaque étape ?" },
    },
  ],
  [SAMBRE_AVESNOIS.slug]: [
    {
      title: "Circuits courts : les cantines passent commande ensemble",
      summary: "Le groupe Circuits courts a réuni maraîchers et cantines pour tester une commande commune.",
      body: "Trois communes et sept producteurs ont testé pendant deux mois une commande groupée pour les cantines scolaires.\n\nLe bilan est encourageant : des légumes livrés la veille de leur cueillette, et des prix connus à l'avance pour les producteurs.",
      daysAgo: 30,
      review: { decision: "publish" },
    },
    {
      title: "Mesurer notre utilité sociale",
      summary: "Le pôle adopte une grille commune d'indicateurs pour ses membres.",
      body: "Le groupe Mesure d'impact propose une grille partagée : emplois créés, heures d'accompagnement, euros investis localement.\n\nChaque structure membre pourra la remplir une fois par an.",
      daysAgo: 2,
    },
  ],
};

export function seedDemoBulletin(db: Db, now: Date): { published: number } {
  let published = 0;
  for (const [slug, list] of Object.entries(ARTICLES)) {
    const pole = getTerritoryBySlug(db, slug);
    const staff = pole?.animators[0];
    if (!pole || !staff) throw new Error(`Demo pôle ${slug} or its animation team missing`);
    const team = { userId: staff.id, roles: ["animateur" as const], staffTerritoryIds: [pole.id] };
    const members = listPoleMembers(db, pole.id);
    list.forEach((seed, index) => {
      const writtenAt = new Date(now.getTime() - seed.daysAgo * DAY_MS);
      const authorId = seed.author ? findUserByEmail(db, seed.author)?.id : members[(index * 5 + 3) % members.length]?.id;
      if (!authorId) throw new Error(`Demo author missing for « ${seed.title} »`);
      const submitted = submitArticle(
        db,
        { userId: authorId, roles: [], staffTerritoryIds: [] },
        pole,
        { title: seed.title, summary: seed.summary, body: seed.body, imageAlt: "" },
        null,
        writtenAt,
      );
      if (!submitted.ok) throw new Error(submitted.message);
      if (!seed.review) return;
      const note = seed.review.decision === "request-changes" ? seed.review.note : "";
      const reviewed = reviewArticle(db, team, pole.id, submitted.articleId, seed.review.decision, note, new Date(writtenAt.getTime() + DAY_MS / 2));
      if (!reviewed.ok) throw new Error(reviewed.message);
      if (seed.review.decision === "publish") published += 1;
    });
  }
  return { published };
}
