import { z } from "zod";
import { checkSiren, checkSiret, normaliseNafCode, normaliseRegistrationNumber } from "~/domain/organisation";
import { ORGANISATION_KINDS } from "~/domain/vocabulary";
import { communeCodeSchema } from "./auth";
import { id } from "./id";
import { optionalText, requiredText, text } from "./text";

export const ORGANISATION_NAME_MAX = 120;
export const ORGANISATION_DESCRIPTION_MAX = 2000;
export const POSITION_MAX = 80;

export const SIREN_MESSAGES = {
  format: "Un numéro SIREN compte 9 chiffres (les espaces sont acceptés).",
  key: "Ce numéro SIREN n'est pas valide : sa clé de contrôle ne correspond pas.",
} as const;
export const SIRET_MESSAGES = {
  format: "Un numéro SIRET compte 14 chiffres (les espaces sont acceptés).",
  key: "Ce numéro SIRET n'est pas valide : sa clé de contrôle ne correspond pas.",
  mismatch: "Ce SIRET ne correspond pas au SIREN indiqué : ses 9 premiers chiffres doivent être le SIREN.",
  taken: "Une organisation inscrite porte déjà ce numéro SIRET.",
} as const;
export const NAF_MESSAGES = {
  format: "Un code NAF s'écrit avec quatre chiffres et une lettre, par exemple 88.99B.",
  unknown: "Ce code NAF n'existe pas dans la nomenclature NAF rév. 2 de l'INSEE.",
} as const;

/** The person's position in the organisation: « Directrice », « Trésorier », « Chargé de mission ». */
export const positionField = text("line", "Indiquez votre fonction dans l'organisation (par exemple : directrice, trésorier).")
  .min(2, { error: "La fonction doit compter au moins 2 caractères." })
  .max(POSITION_MAX, { error: `La fonction doit compter au plus ${POSITION_MAX} caractères.` });

const organisationFields = {
  name: requiredText("Indiquez le nom de l'organisation.", 2, ORGANISATION_NAME_MAX, "Le nom", "name"),
  kind: z.enum(ORGANISATION_KINDS, { error: "Choisissez le type d'organisation dans la liste." }),
  siren: text()
    .max(40, { error: SIREN_MESSAGES.format })
    .superRefine((value, ctx) => {
      const check = checkSiren(value);
      if (!check.ok) ctx.addIssue({ code: "custom", message: SIREN_MESSAGES[check.reason] });
    })
    .optional(),
  siret: text()
    .max(40, { error: SIRET_MESSAGES.format })
    .superRefine((value, ctx) => {
      const check = checkSiret(value);
      if (!check.ok) ctx.addIssue({ code: "custom", message: SIRET_MESSAGES[check.reason] });
    })
    .optional(),
  nafCode: text()
    .max(20, { error: NAF_MESSAGES.format })
    .refine((value) => normaliseNafCode(value) !== null, { error: NAF_MESSAGES.format })
    .optional(),
  commune: text("line", "Indiquez la commune du siège ou de l'établissement.")
    .max(120, { error: "Le nom de commune est trop long." }),
  communeCode: communeCodeSchema.optional(),
  description: optionalText(ORGANISATION_DESCRIPTION_MAX, "La présentation", "multiline"),
  website: text()
    .max(200, { error: "L'adresse du site doit compter au plus 200 caractères." })
    .refine((value) => /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(value), { error: "Indiquez l'adresse complète du site, par exemple https://www.exemple.fr." })
    .optional(),
  contactEmail: text()
    .max(200, { error: "L'adresse doit compter au plus 200 caractères." })
    .pipe(z.email({ error: "Indiquez une adresse e-mail valide, par exemple contact@exemple.fr." }))
    .optional(),
};

/** Both numbers given: the SIRET belongs to the SIREN. */
function sirenMatchesSiret(v: { siren?: string; siret?: string }, ctx: z.RefinementCtx) {
  if (!v.siren || !v.siret) return;
  const siren = normaliseRegistrationNumber(v.siren);
  const siret = normaliseRegistrationNumber(v.siret);
  if (checkSiren(siren).ok && checkSiret(siret).ok && !siret.startsWith(siren)) {
    ctx.addIssue({ code: "custom", message: SIRET_MESSAGES.mismatch, path: ["siret"] });
  }
}

/** The organisation's own page: what its representatives and its pôles' animation teams edit. */
export const organisationSchema = z.object(organisationFields).superRefine(sirenMatchesSiret);
export type OrganisationFormValues = z.infer<typeof organisationSchema>;

/** Registering an organisation: its page, the pôle it asks to join, and the position of the person registering it. */
export const newOrganisationSchema = z
  .object({
    ...organisationFields,
    territoryId: id("Choisissez le pôle que l'organisation demande à rejoindre."),
    position: positionField,
  })
  .superRefine(sirenMatchesSiret);

/** « J'agis pour cette organisation »: a signed-in person asks to be listed as its representative. */
export const representativeRequestSchema = z.object({
  intent: z.literal("represent"),
  position: positionField,
});

/** The organisation asks to join another pôle. */
export const poleRequestSchema = z.object({
  intent: z.literal("join-pole"),
  territoryId: id("Choisissez le pôle que l'organisation demande à rejoindre."),
});

/** The directory's search (a GET form: every field optional, nothing refused, unknown values ignored). */
export type DirectoryQuery = { q: string; kind: string; pole: string; departement: string; page: number };

export function readDirectoryQuery(params: URLSearchParams): DirectoryQuery {
  const text = (name: string, max: number) => (params.get(name) ?? "").trim().slice(0, max);
  const page = Number(params.get("page"));
  return {
    q: text("q", 100),
    kind: text("type", 40),
    pole: text("pole", 100),
    departement: text("departement", 3),
    page: Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1,
  };
}
