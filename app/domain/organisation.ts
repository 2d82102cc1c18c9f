/**
 * Member organisations of a pôle: what kind of legal person each is, and the
 * checks of its identifiers (SIREN, SIRET, NAF code) that need no register.
 *
 * SIREN (9 digits) and SIRET (14 digits: SIREN + NIC) end with a Luhn key.
 * La Poste's establishments (SIREN 356000000) are the one known exception:
 * INSEE numbers them so that the sum of their 14 digits is a multiple of 5,
 * except the head office (356 000 000 00048), which keeps the Luhn key.
 */
import type { OrganisationKind } from "./vocabulary";

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  association: "Association",
  cooperative: "Coopérative (SCOP, SCIC…)",
  mutuelle: "Mutuelle",
  fondation: "Fondation",
  "societe-ess": "Société commerciale de l'ESS",
  entreprise: "Entreprise",
  collectivite: "Collectivité",
  recherche: "Centre de recherche",
  formation: "Organisme de formation",
  financeur: "Financeur",
};

/** The plural heading of a kind, for a list grouped by kind (« Associations », « Collectivités »). */
export const ORGANISATION_KIND_PLURALS: Record<OrganisationKind, string> = {
  association: "Associations",
  cooperative: "Coopératives",
  mutuelle: "Mutuelles",
  fondation: "Fondations",
  "societe-ess": "Sociétés commerciales de l'ESS",
  entreprise: "Entreprises",
  collectivite: "Collectivités",
  recherche: "Centres de recherche",
  formation: "Organismes de formation",
  financeur: "Financeurs",
};

/** The structures of the social and solidarity economy (loi ESS 2014, art. 1). */
export const ESS_KINDS = ["association", "cooperative", "mutuelle", "fondation", "societe-ess"] as const satisfies readonly OrganisationKind[];

export function isEssKind(kind: OrganisationKind): boolean {
  return (ESS_KINDS as readonly OrganisationKind[]).includes(kind);
}

/** The SIREN of La Poste, whose establishments follow their own rule. */
export const LA_POSTE_SIREN = "356000000";
/** La Poste's head office, which keeps the ordinary Luhn key. */
export const LA_POSTE_HEAD_OFFICE_SIRET = "35600000000048";

/** What people type: « 123 456 789 », with ordinary, non-breaking or narrow spaces. */
export function normaliseRegistrationNumber(value: string): string {
  return value.replace(/[\s\u00a0\u202f]/g, "");
}

/** The Luhn check: from the right, every second digit doubled (minus 9 above 9), the sum a multiple of 10. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function digitSum(digits: string): number {
  let sum = 0;
  for (const c of digits) sum += c.charCodeAt(0) - 48;
  return sum;
}

/** Why a number is refused: not the right shape, or its key does not match. */
export type NumberCheck = { ok: true; value: string } | { ok: false; reason: "format" | "key" };

/** A SIREN, normalised: 9 digits with a valid Luhn key. */
export function checkSiren(value: string): NumberCheck {
  const digits = normaliseRegistrationNumber(value);
  if (!/^\d{9}$/.test(digits)) return { ok: false, reason: "format" };
  return luhnValid(digits) ? { ok: true, value: digits } : { ok: false, reason: "key" };
}

/** A SIRET, normalised: 14 digits, its first 9 a valid SIREN, and its own key (La Poste's rule for La Poste). */
export function checkSiret(value: string): NumberCheck {
  const digits = normaliseRegistrationNumber(value);
  if (!/^\d{14}$/.test(digits)) return { ok: false, reason: "format" };
  if (digits.startsWith(LA_POSTE_SIREN) && digits !== LA_POSTE_HEAD_OFFICE_SIRET) {
    return digitSum(digits) % 5 === 0 ? { ok: true, value: digits } : { ok: false, reason: "key" };
  }
  return luhnValid(digits) && luhnValid(digits.slice(0, 9)) ? { ok: true, value: digits } : { ok: false, reason: "key" };
}

/** The SIREN a SIRET belongs to: its first 9 digits. */
export function sirenOfSiret(siret: string): string {
  return normaliseRegistrationNumber(siret).slice(0, 9);
}

/** « 123456789 » → « 123 456 789 »; « 12345678900017 » → « 123 456 789 00017 », as INSEE prints them. */
export function formatSiren(siren: string): string {
  return siren.replace(/^(\d{3})(\d{3})(\d{3})$/, "$1\u00a0$2\u00a0$3");
}

export function formatSiret(siret: string): string {
  return siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, "$1\u00a0$2\u00a0$3\u00a0$4");
}

/** The Luhn key that completes these digits (a test and seed helper: any 8 or 13 digits become a valid number). */
export function luhnComplete(digits: string): string {
  for (let key = 0; key <= 9; key += 1) {
    if (luhnValid(`${digits}${key}`)) return `${digits}${key}`;
  }
  throw new Error(`No Luhn key completes ${digits}`);
}

/**
 * A NAF rév. 2 sub-class as INSEE writes it, « 88.99B », from what people type:
 * « 8899B », « 88.99b », « 88 99 B ». Null when it cannot be one.
 */
export function normaliseNafCode(value: string): string | null {
  const compact = value.replace(/[\s\u00a0\u202f.]/g, "").toUpperCase();
  const match = /^(\d{2})(\d{2})([A-Z])$/.exec(compact);
  return match ? `${match[1]}.${match[2]}${match[3]}` : null;
}

const RESERVED_SLUGS = new Set(["nouvelle"]);

/**
 * The address of an organisation's page: its name folded to ASCII words
 * (« Lycée agricole de Saint-Jean » → « lycee-agricole-de-saint-jean »), at most
 * 60 characters; `taken` says which are used, and a number is added until free.
 */
export function organisationSlug(name: string, taken: (slug: string) => boolean): string {
  const base =
    name
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "")
      .toLowerCase()
      .replace(/œ/g, "oe")
      .replace(/æ/g, "ae")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "organisation";
  const free = (slug: string) => !RESERVED_SLUGS.has(slug) && !taken(slug);
  if (free(base)) return base;
  for (let n = 2; ; n += 1) {
    const slug = `${base}-${n}`;
    if (free(slug)) return slug;
  }
}
