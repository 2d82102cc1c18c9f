/**
 * Demo shared resources of the two active pôles, paraphrasing what their members lend each other:
 * the tiers-lieu's coworking room and a meeting room, the refrigerated van of a cheese cooperative,
 * the tools of a repair café, wood offcuts and compost given by local businesses, and help with an
 * association's accounts. Each has open hours; one has a closed period; a few bookings are accepted
 * or waiting. Called by seedDemo once the people and organisations exist. Deterministic: fixed
 * choices, dates derived from `now`.
 */
import { and, asc, eq } from "drizzle-orm";
import { organisationRepresentatives, organisations, territories, users } from "#db/schema";
import { addIsoDays, DAY_MS, parisDateTime, parisIsoDate, weekdayOfIsoDate } from "~/domain/paris-time";
import type { OpenRange } from "~/domain/resource-booking";
import type { BookingStatus } from "~/domain/vocabulary";
import { seedBooking } from "~/models/resource-booking.server";
import { seedResource, type ResourceInput } from "~/models/shared-resource.server";
import { writeTransaction, type Db } from "~/utils/db.server";
import { SAMBRE_AVESNOIS, VALS_DE_SAINTONGE } from "./territories";

const h = (hours: number, minutes = 0) => hours * 60 + minutes;
const days = (weekdays: number[], ranges: [number, number][]): OpenRange[] =>
  weekdays.flatMap((weekday) => ranges.map(([opensAt, closesAt]) => ({ weekday, opensAt, closesAt })));

type DemoBooking = { by: string; weekday: number; weeksAhead: number; from: string; to: string; status: BookingStatus; message: string; reply?: string };
type DemoResource = Omit<ResourceInput, "organisationId" | "closures"> & {
  pole: string;
  /** The organisation it is lent for (its first confirmed representative lends it), or a demo account's e-mail. */
  lender: { organisation: string } | { email: string };
  /** A closed period, in days from now. */
  closed?: { fromDays: number; forDays: number; reason: string };
  bookings?: DemoBooking[];
};

// prettier-ignore
const RESOURCES: DemoResource[] = [
  { pole: VALS_DE_SAINTONGE.slug, lender: { organisation: "cc-vals-de-saintonge" }, kind: "local", title: "Espace de coworking du tiers-lieu",
    description: "Huit postes de travail, une imprimante et la fibre au tiers-lieu de Saint-Jean-d'Angély, pour les porteurs de projets et les associations du pôle qui n'ont pas encore de bureau.",
    communeCode: "17347", terms: "gratuit", costCents: null, depositCents: null, termsNote: "Badge remis à l'accueil de la communauté de communes.",
    openHours: days([0, 1, 2, 3, 4], [[h(9), h(12, 30)], [h(14), h(18)]]),
    closed: { fromDays: 21, forDays: 10, reason: "fermeture de fin d'année" },
    bookings: [
      { by: "porteur@exemple.fr", weekday: 1, weeksAhead: 1, from: "09:00", to: "12:30", status: "acceptee", message: "Pour préparer le dossier de financement de la ressourcerie.", reply: "Bienvenue, le poste 3 est à vous." },
      { by: "epargnant@exemple.fr", weekday: 3, weeksAhead: 1, from: "14:00", to: "17:00", status: "demandee", message: "Réunion du club d'épargnants avec un porteur de projet." },
    ] },
  { pole: VALS_DE_SAINTONGE.slug, lender: { email: "benevole@exemple.fr" }, kind: "materiel", title: "Outils du repair café",
    description: "La caisse à outils du repair café de Saint-Jean : fer à souder, multimètre, jeu de tournevis de précision, serre-joints et une machine à coudre, prêtés pour une réparation ou un atelier.",
    communeCode: "17347", terms: "caution", costCents: null, depositCents: 5000, termsNote: "Chèque de caution rendu au retour des outils, non encaissé.",
    openHours: days([2], [[h(17), h(19)]]).concat(days([5], [[h(9), h(12)]])),
    bookings: [{ by: "porteur@exemple.fr", weekday: 5, weeksAhead: 2, from: "09:00", to: "12:00", status: "demandee", message: "Pour un atelier de réparation de petit électroménager à la ressourcerie." }] },
  { pole: VALS_DE_SAINTONGE.slug, lender: { organisation: "atelier-bois-saintongeais" }, kind: "materiel", title: "Chutes de bois et sciure de la menuiserie",
    description: "Chutes de chêne et de douglas non traités, et sciure en sacs, données par la menuiserie pour les jardins partagés, les chantiers d'insertion et les ateliers de bricolage.",
    communeCode: "17024", terms: "gratuit", costCents: null, depositCents: null, termsNote: "À charger soi-même ; venir avec une remorque pour plus de deux sacs.",
    openHours: days([2], [[h(14), h(17)]]) },
  { pole: VALS_DE_SAINTONGE.slug, lender: { email: "benevole@exemple.fr" }, kind: "competence", title: "Aide à la comptabilité d'une jeune association",
    description: "Une ancienne comptable aide à tenir le livre de recettes et de dépenses, préparer un budget prévisionnel ou le bilan de l'assemblée générale.",
    communeCode: "17347", terms: "gratuit", costCents: null, depositCents: null, termsNote: "",
    openHours: days([1, 3], [[h(14), h(17)]]) },
  { pole: SAMBRE_AVESNOIS.slug, lender: { organisation: "fromagerie-cooperative-du-bocage" }, kind: "vehicule", title: "Camion frigorifique de la fromagerie",
    description: "Un camion frigorifique de 12 m³ (permis B), prêté aux producteurs et aux épiceries solidaires du pôle pour les livraisons groupées et les marchés.",
    communeCode: "59331", terms: "participation", costCents: 2500, depositCents: 50000, termsNote: "Participation aux frais de carburant ; plein au retour.",
    openHours: days([0, 1, 2, 3, 4, 5, 6], [[h(6), h(22)]]) },
  { pole: SAMBRE_AVESNOIS.slug, lender: { organisation: "collectif-ess-sambre-avesnois" }, kind: "local", title: "Salle de réunion du collectif ESS",
    description: "Une salle de vingt places avec écran, à Maubeuge, pour les groupes de travail, les formations et les assemblées des structures du pôle.",
    communeCode: "59392", terms: "participation", costCents: 1500, depositCents: null, termsNote: "Café et thé compris.",
    openHours: days([0, 1, 2, 3, 4], [[h(8, 30), h(12)], [h(13, 30), h(20)]]) },
  { pole: SAMBRE_AVESNOIS.slug, lender: { organisation: "sambre-renov-insertion" }, kind: "materiel", title: "Compost et terreau de la plateforme de quartier",
    description: "Le compost mûr de la plateforme de quartier et du terreau tamisé, pour les jardins partagés, les écoles et les maraîchers qui s'installent.",
    communeCode: "59291", terms: "gratuit", costCents: null, depositCents: null, termsNote: "Apporter ses sacs ou ses seaux.",
    openHours: days([5], [[h(9), h(12)]]) },
];

function userByEmail(db: Db, email: string): number {
  const row = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  if (!row) throw new Error(`Demo resources: no account ${email}`);
  return row.id;
}

function organisationLender(db: Db, slug: string): { organisationId: number; ownerId: number } {
  const row = db
    .select({ organisationId: organisations.id, ownerId: organisationRepresentatives.userId })
    .from(organisations)
    .innerJoin(organisationRepresentatives, and(eq(organisationRepresentatives.organisationId, organisations.id), eq(organisationRepresentatives.status, "confirmee")))
    .where(eq(organisations.slug, slug))
    .orderBy(asc(organisationRepresentatives.userId))
    .get();
  if (!row) throw new Error(`Demo resources: no confirmed representative of ${slug}`);
  return row;
}

/** The Paris day of the given weekday (0 = Monday) in the week `weeksAhead` after now's. */
function dayOf(now: Date, weekday: number, weeksAhead: number): string {
  const today = parisIsoDate(now);
  return addIsoDays(today, 7 * weeksAhead + weekday - weekdayOfIsoDate(today));
}

export function seedDemoResources(db: Db, now: Date): { resources: number; bookings: number } {
  let bookings = 0;
  writeTransaction(db, (tx) => {
    for (const r of RESOURCES) {
      const { pole, lender, closed, bookings: asked, ...fields } = r;
      const territory = tx.select({ id: territories.id }).from(territories).where(eq(territories.slug, pole)).get();
      if (!territory) throw new Error(`Demo resources: no pôle ${pole}`);
      const who = "organisation" in lender ? organisationLender(db, lender.organisation) : { organisationId: null, ownerId: userByEmail(db, lender.email) };
      const today = parisIsoDate(now);
      const closures = closed ? [{ startsOn: addIsoDays(today, closed.fromDays), endsOn: addIsoDays(today, closed.fromDays + closed.forDays - 1), reason: closed.reason }] : [];
      const id = seedResource(tx, { ...fields, ...who, territoryId: territory.id, closures }, new Date(now.getTime() - 60 * DAY_MS));
      for (const b of asked ?? []) {
        const day = dayOf(now, b.weekday, b.weeksAhead);
        seedBooking(tx, {
          resourceId: id,
          requesterId: userByEmail(db, b.by),
          startsAt: parisDateTime(day, b.from),
          endsAt: parisDateTime(day, b.to),
          message: b.message,
          status: b.status,
          reply: b.reply ?? "",
          createdAt: new Date(now.getTime() - 3 * DAY_MS),
          answeredAt: b.status === "demandee" ? null : new Date(now.getTime() - 2 * DAY_MS),
        });
        bookings += 1;
      }
    }
  });
  return { resources: RESOURCES.length, bookings };
}
