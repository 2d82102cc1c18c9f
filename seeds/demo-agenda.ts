/**
 * Demo agenda of the two active pôles, dated from the seeding `now`: a COPIL, working-group meetings
 * (the « Ronde saintongeaise », members only), a workshop with three places, full, with a waiting list,
 * a past meeting with its attendance, and an online webinar. Everything goes through the app's models.
 */
import type { Actor } from "~/domain/permissions";
import { DAY_MS, parisDateTime, parisIsoDate } from "~/domain/paris-time";
import { createEvent, type EventInput } from "~/models/event.server";
import { recordAttendance, registerToEvent } from "~/models/event-registration.server";
import { residentIds } from "~/models/pole-member.server";
import { getTerritoryBySlug } from "~/models/territory.server";
import { findUserByEmail } from "~/models/user.server";
import { listAxesWithGroups } from "~/models/working-group.server";
import type { Db } from "~/utils/db.server";
import { SAMBRE_AVESNOIS, VALS_DE_SAINTONGE } from "./territories";

function at(now: Date, days: number, time: string): Date {
  return parisDateTime(parisIsoDate(new Date(now.getTime() + days * DAY_MS)), time);
}

function ok<T extends { ok: boolean }>(outcome: T): Extract<T, { ok: true }> {
  if (!outcome.ok) throw new Error(`demo agenda: ${(outcome as unknown as { message: string }).message}`);
  return outcome as Extract<T, { ok: true }>;
}

const base = { description: "", address: null, communeCode: null, onlineUrl: null, capacity: null, visibility: "public", axisId: null, groupId: null } as const;

export function seedDemoAgenda(db: Db, now: Date): { events: number } {
  const saintonge = getTerritoryBySlug(db, VALS_DE_SAINTONGE.slug)!;
  const sambre = getTerritoryBySlug(db, SAMBRE_AVESNOIS.slug)!;
  const staff = (email: string, territoryId: number): Actor => ({ userId: findUserByEmail(db, email)!.id, roles: ["animateur"], staffTerritoryIds: [territoryId] });
  const helene = staff("animation.saintonge@exemple.fr", saintonge.id);
  const karim = staff("animation.sambre@exemple.fr", sambre.id);
  const monique = findUserByEmail(db, "benevole@exemple.fr")!;
  const groupOf = (poleId: number, slug: string) => listAxesWithGroups(db, poleId).flatMap((a) => a.groups).find((g) => g.slug === slug);
  const ronde = groupOf(saintonge.id, "ronde-saintongeaise");
  const circuits = groupOf(sambre.id, "circuits-courts");
  const created = (actor: Actor, poleId: number, input: Omit<EventInput, keyof typeof base> & Partial<EventInput>, when: Date) =>
    ok(createEvent(db, actor, poleId, { ...base, ...input }, when)).eventId;
  const announcedAt = new Date(now.getTime() - 30 * DAY_MS);
  const people = residentIds(db, saintonge.id).filter((id) => id !== monique.id);
  const fixedIds = new Set(["porteur@exemple.fr", "epargnant@exemple.fr", "admin@exemple.fr"].map((e) => findUserByEmail(db, e)!.id));
  const others = people.filter((id) => !fixedIds.has(id));
  const register = (eventId: number, ids: number[], when: Date) =>
    ids.forEach((id, i) => ok(registerToEvent(db, { userId: id, roles: ["benevole"], staffTerritoryIds: [] }, eventId, new Date(when.getTime() + i * 60_000))));

  const copil = created(
    helene,
    saintonge.id,
    {
      title: "Comité de pilotage de printemps",
      description: "Bilan des accompagnements de l'hiver, choix des projets présentés aux clubs d'épargnants, calendrier de la Ronde saintongeaise.\n\nOuvert à tous les membres et partenaires du pôle.",
      startsAt: at(now, 14, "18:00"),
      endsAt: at(now, 14, "20:00"),
      address: "Salle de l'Abbaye royale, 1 rue de l'Abbaye",
      communeCode: "17347",
    },
    announcedAt,
  );
  register(copil, others.slice(0, 9), announcedAt);

  if (ronde) {
    created(
      { userId: monique.id, roles: ["benevole"], staffTerritoryIds: [] },
      saintonge.id,
      {
        title: "Ronde saintongeaise : répartition des étapes",
        description: "Qui balise quelle étape, qui tient les villages d'accueil. Réservé aux membres du pôle.",
        startsAt: at(now, 6, "18:30"),
        endsAt: at(now, 6, "20:00"),
        address: "Maison des associations, 3 place du Pilori",
        communeCode: "17347",
        visibility: "membres",
        groupId: ronde.id,
      },
      announcedAt,
    );
  }

  const workshop = created(
    helene,
    saintonge.id,
    {
      title: "Atelier « Chiffrer son projet »",
      description: "Deux heures pour construire son prévisionnel avec une bénévole comptable. Trois places, pour travailler sur vos chiffres.",
      startsAt: at(now, 10, "14:00"),
      endsAt: at(now, 10, "16:00"),
      address: "Pépinière d'entreprises, 12 avenue de Rochefort",
      communeCode: "17347",
      capacity: 3,
    },
    announcedAt,
  );
  register(workshop, others.slice(10, 15), announcedAt);

  const pastAt = new Date(now.getTime() - 60 * DAY_MS);
  const rencontre = created(
    helene,
    saintonge.id,
    {
      title: "Rencontre des porteurs de projets",
      description: "Chaque porteur présente son projet en cinq minutes ; les bénévoles disent ce qu'ils peuvent apporter.",
      startsAt: at(now, -20, "18:00"),
      endsAt: at(now, -20, "20:30"),
      address: "Salle des fêtes",
      communeCode: "17347",
    },
    pastAt,
  );
  const came = others.slice(16, 24);
  register(rencontre, came, pastAt);
  ok(recordAttendance(db, helene, rencontre, came.slice(0, 6), new Date(now.getTime() - 19 * DAY_MS)));

  if (circuits) {
    created(
      karim,
      sambre.id,
      {
        title: "Circuits courts : préparer l'appel d'offres de la restauration scolaire",
        description: "Les producteurs du groupe se répartissent les lots du marché des cantines de l'agglomération.",
        startsAt: at(now, 8, "09:30"),
        endsAt: at(now, 8, "12:00"),
        address: "Maison de l'emploi, 4 rue de la Croix",
        communeCode: "59392",
        groupId: circuits.id,
      },
      announcedAt,
    );
  }
  created(
    karim,
    sambre.id,
    {
      title: "Webinaire : mesurer l'utilité sociale de son activité",
      description: "Présentation des indicateurs du cadre VALOR'ESS et de la façon de les renseigner dans Maillon.",
      startsAt: at(now, 20, "12:30"),
      endsAt: at(now, 20, "13:30"),
      onlineUrl: "https://visio.cotess-sambre-avesnois.org/webinaire-impact",
    },
    announcedAt,
  );
  return { events: 6 };
}
