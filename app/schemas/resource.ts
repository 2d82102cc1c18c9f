import { z } from "zod";
import { parisLocalInput } from "~/domain/paris-time";
import { WEEKDAY_LABELS } from "~/domain/paris-time";
import { checkDayRanges, parseTimeOfDay, termsProblem, type Closure, type OpenRange } from "~/domain/resource-booking";
import { RESOURCE_KINDS, RESOURCE_TERMS } from "~/domain/vocabulary";
import { id } from "./id";
import { euros } from "./money";
import { optionalText, requiredText, text } from "./text";

export const MAX_CLOSURES = 4;
const TIME = /^\d{2}:\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const time = text().regex(TIME, { error: "Une heure, par exemple 09:30." }).optional();
const dayHours = z.object({ opens1: time, closes1: time, opens2: time, closes2: time });
const closure = z.object({
  startsOn: text().regex(DATE, { error: "Une date, par exemple 2026-12-24." }).optional(),
  endsOn: text().regex(DATE, { error: "Une date, par exemple 2026-12-24." }).optional(),
  reason: optionalText(120, "Le motif"),
});

const resourceFields = {
  kind: z.enum(RESOURCE_KINDS, { error: "Choisissez le type de ressource." }),
  title: requiredText("Donnez un nom à la ressource.", 3, 100, "Le nom", "name"),
  description: requiredText("Décrivez la ressource : ce qu'elle est, ce qu'on peut en faire, comment la récupérer.", 10, 3000, "La description", "multiline"),
  commune: text().max(120, { error: "Le nom de commune est trop long." }).optional(),
  communeCode: text().regex(/^[0-9AB]{5}$/).optional(),
  organisationId: id("Choisissez une organisation que vous représentez.").optional(),
  terms: z.enum(RESOURCE_TERMS, { error: "Choisissez les conditions du prêt." }),
  costEuros: euros({ required: "Indiquez le montant de la participation.", what: "La participation", maxCents: 1_000_000 }).optional(),
  depositEuros: euros({ required: "Indiquez le montant de la caution.", what: "La caution", maxCents: 5_000_000 }).optional(),
  termsNote: optionalText(500, "La précision sur les conditions", "multiline"),
  hours: z.array(dayHours.optional()).max(7).optional(),
  closures: z.array(closure.optional()).max(MAX_CLOSURES).optional(),
};

type Shape = {
  terms: (typeof RESOURCE_TERMS)[number];
  costEuros?: number;
  depositEuros?: number;
  hours?: (z.infer<typeof dayHours> | undefined)[];
  closures?: (z.infer<typeof closure> | undefined)[];
};

/** The open hours typed, one row per weekday with up to two ranges, as ranges; issues at their fields. */
export function readOpenHours(hours: Shape["hours"], issue?: (path: (string | number)[], message: string) => void): OpenRange[] {
  const ranges: OpenRange[] = [];
  for (let weekday = 0; weekday < 7; weekday += 1) {
    const day = hours?.[weekday];
    const dayRanges: { opensAt: number; closesAt: number }[] = [];
    for (const n of [1, 2] as const) {
      const opens = day?.[`opens${n}`];
      const closes = day?.[`closes${n}`];
      if (!opens && !closes) continue;
      if (!opens) {
        issue?.(["hours", weekday, `opens${n}`], `Indiquez aussi l'heure d'ouverture du ${WEEKDAY_LABELS[weekday]}.`);
        continue;
      }
      if (!closes) {
        issue?.(["hours", weekday, `closes${n}`], `Indiquez aussi l'heure de fermeture du ${WEEKDAY_LABELS[weekday]}.`);
        continue;
      }
      const o = parseTimeOfDay(opens);
      const c = parseTimeOfDay(closes, true);
      if (o === null) issue?.(["hours", weekday, `opens${n}`], "Une heure, par exemple 09:30.");
      else if (c === null) issue?.(["hours", weekday, `closes${n}`], "Une heure, par exemple 18:00.");
      else dayRanges.push({ opensAt: o, closesAt: c });
    }
    const problem = checkDayRanges(dayRanges);
    if (problem) issue?.(["hours", weekday, dayRanges.length > 1 ? "closes2" : "closes1"], `Le ${WEEKDAY_LABELS[weekday]} : ${problem}`);
    else ranges.push(...dayRanges.map((r) => ({ weekday, ...r })));
  }
  return ranges;
}

export function readClosures(closures: Shape["closures"], issue?: (path: (string | number)[], message: string) => void): Closure[] {
  const kept: Closure[] = [];
  (closures ?? []).forEach((c, i) => {
    if (!c || (!c.startsOn && !c.endsOn && !c.reason)) return;
    if (!c.startsOn) return issue?.(["closures", i, "startsOn"], "Indiquez le premier jour de fermeture.");
    const endsOn = c.endsOn ?? c.startsOn;
    if (endsOn < c.startsOn) return issue?.(["closures", i, "endsOn"], "Le dernier jour de fermeture doit venir après le premier.");
    kept.push({ startsOn: c.startsOn, endsOn, reason: c.reason ?? "" });
  });
  return kept;
}

function refine(value: Shape, ctx: z.RefinementCtx) {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
  readOpenHours(value.hours, issue);
  readClosures(value.closures, issue);
  const problem = termsProblem({ terms: value.terms, costCents: value.costEuros ?? null, depositCents: value.depositEuros ?? null });
  if (problem) issue([problem.field], problem.message);
}

/** Offering a resource: for which pôle, then what it is, where, on what terms, when it is open. */
export const offerResourceSchema = z
  .object({ territoryId: id("Choisissez le pôle dont les membres pourront la réserver."), ...resourceFields })
  .superRefine(refine);

/** Changing a resource: the same, without the pôle, and whether it is offered now. */
export const editResourceSchema = z.object({ ...resourceFields, active: z.boolean().optional() }).superRefine(refine);

function localInstant(what: string) {
  return text("line", `Indiquez ${what}.`)
    .min(1, { error: `Indiquez ${what}.` })
    .transform((value, ctx) => {
      const instant = parisLocalInput(value);
      if (!instant) {
        ctx.addIssue({
          code: "custom",
          message: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)
            ? "Cette heure n'existe pas à Paris ce jour-là (passage à l'heure d'été) : choisissez-en une autre."
            : "Une date et une heure, par exemple 2026-03-02T09:00.",
        });
        return z.NEVER;
      }
      return instant.getTime();
    });
}

/** A booking request: start and end as Paris wall-clock times, and a word for the person who lends. */
export const bookingRequestSchema = z.object({
  intent: z.literal("request"),
  startsAt: localInstant("le début de la réservation"),
  endsAt: localInstant("la fin de la réservation"),
  message: optionalText(1000, "Le message", "multiline"),
});

export const answerBookingSchema = z.object({
  intent: z.literal("answer"),
  bookingId: id("Demande introuvable."),
  decision: z.enum(["accepter", "refuser"], { error: "Choisissez d'accepter ou de décliner la demande." }),
  reply: optionalText(500, "Le message", "multiline"),
});

export const cancelBookingSchema = z.object({
  intent: z.literal("cancel"),
  bookingId: id("Réservation introuvable."),
});

/** The filters of /ressources, read from the URL: unknown values are ignored, never refused. */
export function readResourceQuery(params: URLSearchParams): { pole: string; type: string; commune: string } {
  const read = (key: string) => (params.get(key) ?? "").trim().slice(0, 80);
  return { pole: read("pole"), type: read("type"), commune: read("commune") };
}
