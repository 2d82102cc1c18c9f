/**
 * Reference lists of the pôle: the skills holders ask for and volunteers offer,
 * and the activity domains of projects. Slugs are stable identifiers; names are
 * what people read.
 */
export const SKILLS = [
  { slug: "marketing", name: "Marketing" },
  { slug: "fiscalite", name: "Fiscalité" },
  { slug: "commercial", name: "Commercial" },
  { slug: "communication", name: "Communication" },
  { slug: "gestion-administrative", name: "Gestion administrative" },
  { slug: "comptabilite", name: "Comptabilité" },
  { slug: "techniques-de-financement", name: "Techniques de financement" },
] as const;

export const ACTIVITY_DOMAINS = [
  { slug: "batiment", name: "Bâtiment" },
  { slug: "eco-activites", name: "Éco-activités" },
  { slug: "alimentation-agriculture-durable", name: "Alimentation et agriculture durable" },
  { slug: "culture-industries-creatives", name: "Culture et industries créatives" },
  { slug: "services-a-la-personne", name: "Services à la personne" },
  { slug: "services-aux-entreprises", name: "Services aux entreprises" },
  { slug: "formation-professionnelle", name: "Formation professionnelle" },
  { slug: "emploi-parcours", name: "Emploi et sécurisation des parcours" },
  { slug: "tic", name: "Technologies de l'information et de la communication" },
  { slug: "restauration-tourisme-social", name: "Restauration et tourisme social" },
] as const;

/** Roles a person picks at sign-up; `animateur` and `admin` are granted by the pôle. */
export const SELF_SERVICE_ROLES = ["porteur", "benevole", "epargnant"] as const;
export type SelfServiceRole = (typeof SELF_SERVICE_ROLES)[number];

export const ROLE_LABELS = {
  porteur: "Porteur ou porteuse de projet",
  benevole: "Bénévole accompagnant",
  epargnant: "Épargnant ou épargnante",
  animateur: "Animation du pôle",
  admin: "Administration",
} as const;

/** The e-mail queue's states, as the platform admin reads them on /admin/courriels. */
export const MAIL_STATUS_LABELS = {
  pending: "En attente",
  sending: "En cours d'envoi",
  sent: "Envoyé",
  failed: "Échec",
} as const;

/** Folds a name for search: lower case, no accents, separators as single spaces. */
export function foldForSearch(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
