/**
 * Open data: the public objects of Maillon as tables of plain records, the same for the JSON API
 * (/api/v1/…) and for the downloadable packages (/donnees/…zip). One description per table and
 * field (French, for the README, the TableSchema and the OpenAPI file), one way to turn the rows the
 * models read into records, and the subset of one pôle. Nothing here names a person: the sources
 * carry no holder, author, organiser or owner, and no e-mail address or phone number.
 *
 * Pure: the rows and the site's address are passed in.
 */
import { ORGANISATION_KIND_LABELS } from "./organisation";
import { LEGAL_FORM_LABELS, PROJECT_KIND_LABELS, PROJECT_STAGE_LABELS, PROJECT_STATUS_LABELS } from "./project";
import { RESOURCE_KIND_LABELS, RESOURCE_TERMS_LABELS } from "./resource-booking";
import { UNMET_NEED_STATUS_LABELS } from "./unmet-need";
import { METRIC_DEFINITIONS, PERIOD_LABELS, SOURCE_LABELS, UNIT_LABELS, VALORESS_DOMAIN_LABELS } from "./impact/catalog";
import { figureInUnit } from "./impact/figures";
import { IMPACT_METRICS } from "./vocabulary";

const METRIC_NAMES = Object.fromEntries(IMPACT_METRICS.map((m) => [m, METRIC_DEFINITIONS[m].name])) as Record<ImpactMetric, string>;
import type {
  EventStatus,
  ImpactMetric,
  IndicatorPeriod,
  IndicatorSource,
  IndicatorUnit,
  ValoressDomain,
  LegalForm,
  OrganisationKind,
  ProjectKind,
  ProjectStage,
  ProjectStatus,
  ResourceKind,
  ResourceTerms,
  UnmetNeedStatus,
} from "./vocabulary";

export const OPEN_DATA_LICENCE = {
  spdx: "etalab-2.0",
  title: "Licence Ouverte / Open Licence version 2.0",
  url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
} as const;

/** How long a client or a shared cache may keep an answer of the API or a package, in seconds. */
export const OPEN_DATA_MAX_AGE_S = 300;

export type OpenValue = string | number | boolean | null;
export type OpenRecord = Record<string, OpenValue>;

/** Frictionless TableSchema field types used here. */
export type FieldType = "integer" | "number" | "string" | "boolean" | "datetime" | "date";

export type FieldSpec = {
  name: string;
  type: FieldType;
  description: string;
  required?: boolean;
  unique?: boolean;
  format?: "uri";
  /** The closed list of values, each with what it means. */
  values?: Readonly<Record<string, string>>;
};

export const TABLE_NAMES = [
  "communes",
  "poles",
  "organisations",
  "organisation_poles",
  "projects",
  "project_poles",
  "events",
  "resources",
  "unmet_needs",
  "indicators",
  "indicator_values",
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export type ForeignKeySpec = { field: string; resource: TableName; reference: string };

export type TableSpec = {
  name: TableName;
  title: string;
  description: string;
  fields: readonly FieldSpec[];
  primaryKey: readonly string[];
  foreignKeys: readonly ForeignKeySpec[];
};

export type OpenDataset = Record<TableName, OpenRecord[]>;

const id = (description: string): FieldSpec => ({ name: "id", type: "integer", description, required: true, unique: true });
const poleId: FieldSpec = { name: "pole_id", type: "integer", description: "Identifiant du pôle (table poles).", required: true };
const communeCode = (description: string, required = false): FieldSpec => ({ name: "commune_code", type: "string", description, required });
const url = (what: string): FieldSpec => ({ name: "url", type: "string", format: "uri", description: `Adresse de ${what} sur Maillon.`, required: true });
const toCommune: ForeignKeySpec = { field: "commune_code", resource: "communes", reference: "code" };
const toPole: ForeignKeySpec = { field: "pole_id", resource: "poles", reference: "id" };

export const OPEN_DATA_TABLES: readonly TableSpec[] = [
  {
    name: "communes",
    title: "Communes",
    description: "Les communes citées par les autres fichiers, avec leur point (centre de la commune).",
    primaryKey: ["code"],
    foreignKeys: [],
    fields: [
      { name: "code", type: "string", description: "Code officiel géographique (INSEE) de la commune, par exemple 17347.", required: true, unique: true },
      { name: "name", type: "string", description: "Nom de la commune.", required: true },
      { name: "department_code", type: "string", description: "Code du département (17, 59, 2A…).", required: true },
      { name: "postal_codes", type: "string", description: "Codes postaux de la commune, séparés par une espace.", required: true },
      { name: "latitude", type: "number", description: "Latitude du centre de la commune (WGS 84, degrés décimaux) ; vide si inconnue." },
      { name: "longitude", type: "number", description: "Longitude du centre de la commune (WGS 84, degrés décimaux) ; vide si inconnue." },
    ],
  },
  {
    name: "poles",
    title: "Pôles",
    description: "Les pôles territoriaux de coopération économique (PTCE) présents sur Maillon.",
    primaryKey: ["id"],
    foreignKeys: [{ field: "seat_commune_code", resource: "communes", reference: "code" }],
    fields: [
      id("Identifiant du pôle sur Maillon."),
      { name: "slug", type: "string", description: "Nom court du pôle dans les adresses (/poles/<slug>).", required: true, unique: true },
      { name: "name", type: "string", description: "Nom du pôle.", required: true },
      { name: "area", type: "string", description: "Le territoire, tel qu'on le nomme (« Vals de Saintonge »).", required: true },
      { name: "description", type: "string", description: "Présentation du pôle, rédigée par son équipe d'animation.", required: true },
      { name: "seat_commune_code", type: "string", description: "Code INSEE de la commune où siège le pôle (table communes) ; vide si non renseigné." },
      { name: "website", type: "string", format: "uri", description: "Site internet du pôle ; vide si non renseigné." },
      url("la page du pôle"),
    ],
  },
  {
    name: "organisations",
    title: "Organisations membres",
    description: "Les organisations confirmées membres d'au moins un pôle par son équipe d'animation.",
    primaryKey: ["id"],
    foreignKeys: [toCommune],
    fields: [
      id("Identifiant de l'organisation sur Maillon."),
      { name: "slug", type: "string", description: "Nom court de l'organisation dans les adresses.", required: true, unique: true },
      { name: "name", type: "string", description: "Nom de l'organisation.", required: true },
      { name: "kind", type: "string", description: "Nature de l'organisation.", required: true, values: ORGANISATION_KIND_LABELS satisfies Record<OrganisationKind, string> },
      { name: "siren", type: "string", description: "Numéro SIREN (9 chiffres) ; vide pour un groupement non immatriculé." },
      { name: "siret", type: "string", description: "Numéro SIRET de l'établissement (14 chiffres) ; vide si non renseigné." },
      { name: "naf_code", type: "string", description: "Code d'activité NAF rév. 2 (par exemple 88.99B) ; vide si non renseigné." },
      communeCode("Code INSEE de la commune de l'organisation (table communes).", true),
      { name: "description", type: "string", description: "Présentation de l'organisation, rédigée par elle ; vide si aucune." },
      { name: "website", type: "string", format: "uri", description: "Site internet de l'organisation ; vide si non renseigné." },
      url("la page de l'organisation"),
    ],
  },
  {
    name: "organisation_poles",
    title: "Adhésions des organisations aux pôles",
    description: "Quelle organisation est membre confirmée de quel pôle (une ligne par couple).",
    primaryKey: ["organisation_id", "pole_id"],
    foreignKeys: [{ field: "organisation_id", resource: "organisations", reference: "id" }, toPole],
    fields: [
      { name: "organisation_id", type: "integer", description: "Identifiant de l'organisation (table organisations).", required: true },
      poleId,
      { name: "confirmed_at", type: "datetime", description: "Date de confirmation par l'équipe d'animation (UTC) ; vide si inconnue." },
    ],
  },
  {
    name: "projects",
    title: "Projets publiés",
    description: "Les projets que leurs porteurs ont publiés (en cours ou clos). Le nom et l'adresse du porteur ne sont pas publiés.",
    primaryKey: ["id"],
    foreignKeys: [toCommune],
    fields: [
      id("Identifiant du projet sur Maillon."),
      { name: "title", type: "string", description: "Titre du projet.", required: true },
      { name: "pitch", type: "string", description: "Le projet en une phrase.", required: true },
      { name: "description", type: "string", description: "Description du projet ; vide si le porteur s'en tient à la phrase de présentation." },
      { name: "kind", type: "string", description: "Ce que le projet veut faire.", required: true, values: PROJECT_KIND_LABELS satisfies Record<ProjectKind, string> },
      { name: "stage", type: "string", description: "Où en est le projet.", required: true, values: PROJECT_STAGE_LABELS satisfies Record<ProjectStage, string> },
      { name: "legal_form", type: "string", description: "Forme juridique envisagée ou choisie.", required: true, values: LEGAL_FORM_LABELS satisfies Record<LegalForm, string> },
      { name: "activity_domain", type: "string", description: "Domaine d'activité (nom).", required: true },
      communeCode("Code INSEE de la commune du projet (table communes).", true),
      { name: "remote_ok", type: "boolean", description: "Le porteur accepte un accompagnement à distance.", required: true },
      { name: "jobs_expected", type: "integer", description: "Emplois que le projet prévoit de créer.", required: true },
      { name: "seeks_partners", type: "boolean", description: "Le porteur cherche des associés.", required: true },
      { name: "status", type: "string", description: "Statut du projet.", required: true, values: { publie: PROJECT_STATUS_LABELS.publie, clos: PROJECT_STATUS_LABELS.clos } satisfies Partial<Record<ProjectStatus, string>> },
      { name: "published_at", type: "datetime", description: "Date de publication (UTC) ; vide si inconnue." },
      { name: "closed_at", type: "datetime", description: "Date de clôture (UTC) ; vide si le projet est en cours." },
      url("la page du projet"),
    ],
  },
  {
    name: "project_poles",
    title: "Projets par pôle",
    description: "Les pôles dont le périmètre contient la commune du projet (une ligne par couple).",
    primaryKey: ["project_id", "pole_id"],
    foreignKeys: [{ field: "project_id", resource: "projects", reference: "id" }, toPole],
    fields: [{ name: "project_id", type: "integer", description: "Identifiant du projet (table projects).", required: true }, poleId],
  },
  {
    name: "events",
    title: "Agenda public",
    description: "Les rendez-vous publics des pôles (les rendez-vous réservés aux membres ne sont pas publiés), passés et à venir, annulés compris.",
    primaryKey: ["id"],
    foreignKeys: [toPole, toCommune],
    fields: [
      id("Identifiant du rendez-vous sur Maillon."),
      poleId,
      { name: "title", type: "string", description: "Titre du rendez-vous.", required: true },
      { name: "description", type: "string", description: "Description du rendez-vous ; vide si aucune." },
      { name: "starts_at", type: "datetime", description: "Début (UTC).", required: true },
      { name: "ends_at", type: "datetime", description: "Fin (UTC).", required: true },
      { name: "address", type: "string", description: "Adresse du lieu ; vide pour un rendez-vous en ligne." },
      communeCode("Code INSEE de la commune du lieu (table communes) ; vide pour un rendez-vous en ligne."),
      { name: "online_url", type: "string", format: "uri", description: "Lien de la réunion en ligne ; vide sinon." },
      { name: "capacity", type: "integer", description: "Nombre de places ; vide : sans limite." },
      { name: "status", type: "string", description: "Statut du rendez-vous.", required: true, values: { prevu: "Prévu", annule: "Annulé" } satisfies Record<EventStatus, string> },
      { name: "cancel_reason", type: "string", description: "Raison de l'annulation ; vide sinon." },
      { name: "uid", type: "string", description: "Identifiant iCalendar (RFC 5545) du rendez-vous, stable.", required: true, unique: true },
      url("la page du rendez-vous"),
    ],
  },
  {
    name: "resources",
    title: "Ressources partagées",
    description: "Locaux, matériel, véhicules et compétences que les membres prêtent (ressources actives). La personne qui prête n'est pas publiée.",
    primaryKey: ["id"],
    foreignKeys: [toPole, { field: "organisation_id", resource: "organisations", reference: "id" }, toCommune],
    fields: [
      id("Identifiant de la ressource sur Maillon."),
      poleId,
      { name: "organisation_id", type: "integer", description: "Organisation qui prête la ressource (table organisations) ; vide si une personne la prête en son nom." },
      { name: "kind", type: "string", description: "Nature de la ressource.", required: true, values: RESOURCE_KIND_LABELS satisfies Record<ResourceKind, string> },
      { name: "title", type: "string", description: "Nom de la ressource.", required: true },
      { name: "description", type: "string", description: "Description de la ressource.", required: true },
      communeCode("Code INSEE de la commune où elle se trouve (table communes) ; vide si non renseigné."),
      { name: "terms", type: "string", description: "Conditions du prêt.", required: true, values: RESOURCE_TERMS_LABELS satisfies Record<ResourceTerms, string> },
      { name: "cost_eur", type: "number", description: "Participation demandée par réservation, en euros ; vide si aucune." },
      { name: "deposit_eur", type: "number", description: "Caution demandée, en euros ; vide si aucune." },
      { name: "terms_note", type: "string", description: "Précisions sur les conditions ; vide si aucune." },
      url("la page de la ressource"),
    ],
  },
  {
    name: "unmet_needs",
    title: "Besoins non couverts du territoire",
    description: "Les besoins du territoire que personne ne couvre encore, signalés par les membres et qualifiés par l'équipe d'animation. La personne qui signale n'est pas publiée.",
    primaryKey: ["id"],
    foreignKeys: [toPole, toCommune],
    fields: [
      id("Identifiant du besoin sur Maillon."),
      poleId,
      { name: "title", type: "string", description: "Ce qui manque.", required: true },
      { name: "description", type: "string", description: "Description du besoin.", required: true },
      communeCode("Code INSEE de la commune concernée (table communes) ; vide pour tout le territoire ou un lieu plus large."),
      { name: "place_note", type: "string", description: "Le lieu en mots, quand ce n'est pas une commune ; vide sinon." },
      { name: "affected", type: "string", description: "Qui est touché par ce besoin.", required: true },
      { name: "status", type: "string", description: "Où en est le besoin.", required: true, values: UNMET_NEED_STATUS_LABELS satisfies Record<UnmetNeedStatus, string> },
      { name: "status_note", type: "string", description: "Explication de l'équipe d'animation sur le statut ; vide si aucune." },
      { name: "support_count", type: "integer", description: "Nombre de personnes qui soutiennent ce besoin.", required: true },
      { name: "created_at", type: "datetime", description: "Date du signalement (UTC).", required: true },
      url("la page du besoin"),
    ],
  },
  {
    name: "indicators",
    title: "Indicateurs d'impact",
    description:
      "Les indicateurs que chaque pôle a choisi de suivre (cadre VALOR'ESS, objectifs de développement durable), avec leur base et leur cible. Les montants sont en euros, les durées en heures.",
    primaryKey: ["id"],
    foreignKeys: [toPole],
    fields: [
      id("Identifiant de l'indicateur sur Maillon."),
      poleId,
      { name: "name", type: "string", description: "Nom de l'indicateur.", required: true },
      { name: "definition", type: "string", description: "Ce que l'indicateur compte, et comment.", required: true },
      { name: "source", type: "string", description: "D'où viennent les chiffres.", required: true, values: SOURCE_LABELS },
      { name: "metric", type: "string", description: "Pour un indicateur calculé, ce qu'il compte dans Maillon (liste fermée) ; vide pour un indicateur saisi.", values: METRIC_NAMES },
      { name: "unit", type: "string", description: "Unité des chiffres.", required: true, values: UNIT_LABELS },
      { name: "period", type: "string", description: "Période de suivi.", required: true, values: PERIOD_LABELS },
      { name: "baseline", type: "number", description: "Valeur de départ, dans l'unité de l'indicateur.", required: true },
      { name: "target", type: "number", description: "Cible, dans l'unité de l'indicateur ; vide si aucune." },
      { name: "target_date", type: "date", description: "Date à laquelle la cible doit être atteinte (AAAA-MM-JJ) ; vide si aucune." },
      { name: "valoress_domain", type: "string", description: "Domaine d'impact social du cadre VALOR'ESS ; vide si aucun.", values: VALORESS_DOMAIN_LABELS },
      { name: "sdg", type: "integer", description: "Objectif de développement durable des Nations unies (1 à 17) ; vide si aucun." },
    ],
  },
  {
    name: "indicator_values",
    title: "Valeurs des indicateurs",
    description:
      "Les chiffres des indicateurs par période : ceux que les équipes d'animation ont saisis, avec leur note justificative, et ceux que Maillon calcule, sur les périodes que montrent les pages « Impact ».",
    primaryKey: ["indicator_id", "period_start"],
    foreignKeys: [{ field: "indicator_id", resource: "indicators", reference: "id" }],
    fields: [
      { name: "indicator_id", type: "integer", description: "Identifiant de l'indicateur (table indicators).", required: true },
      { name: "period_start", type: "date", description: "Premier jour de la période (AAAA-MM-JJ).", required: true },
      { name: "value", type: "number", description: "La valeur, dans l'unité de l'indicateur (euros, heures au dixième).", required: true },
      { name: "note", type: "string", description: "Note justificative de l'équipe d'animation pour un chiffre saisi ; vide pour un chiffre calculé." },
    ],
  },
];


export function tableSpec(name: TableName): TableSpec {
  const spec = OPEN_DATA_TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`Unknown open-data table ${name}`);
  return spec;
}

// ---------------------------------------------------------------------------------------------------
// The rows the models read, and the records they become

export type OpenDataSources = {
  communes: { code: string; name: string; departmentCode: string; postalCodes: string; latitude: number | null; longitude: number | null }[];
  poles: { id: number; slug: string; name: string; area: string; description: string; seatCommuneCode: string | null; website: string | null }[];
  organisations: {
    id: number;
    slug: string;
    name: string;
    kind: OrganisationKind;
    siren: string | null;
    siret: string | null;
    nafCode: string | null;
    communeCode: string;
    description: string;
    website: string | null;
  }[];
  memberships: { organisationId: number; poleId: number; confirmedAt: Date | null }[];
  projects: {
    id: number;
    title: string;
    pitch: string;
    description: string;
    kind: ProjectKind;
    stage: ProjectStage;
    legalForm: LegalForm;
    activityDomain: string;
    communeCode: string;
    remoteOk: boolean;
    jobsExpected: number;
    seeksPartners: boolean;
    status: ProjectStatus;
    publishedAt: Date | null;
    closedAt: Date | null;
  }[];
  projectPoles: { projectId: number; poleId: number }[];
  events: {
    id: number;
    poleId: number;
    title: string;
    description: string;
    startsAt: Date;
    endsAt: Date;
    address: string | null;
    communeCode: string | null;
    onlineUrl: string | null;
    capacity: number | null;
    status: EventStatus;
    cancelReason: string;
    uid: string;
  }[];
  resources: {
    id: number;
    poleId: number;
    organisationId: number | null;
    kind: ResourceKind;
    title: string;
    description: string;
    communeCode: string | null;
    terms: ResourceTerms;
    costCents: number | null;
    depositCents: number | null;
    termsNote: string;
  }[];
  unmetNeeds: {
    id: number;
    poleId: number;
    title: string;
    description: string;
    communeCode: string | null;
    placeNote: string;
    affected: string;
    status: UnmetNeedStatus;
    statusNote: string;
    supportCount: number;
    createdAt: Date;
  }[];
  indicators: {
    id: number;
    poleId: number;
    source: IndicatorSource;
    metric: ImpactMetric | null;
    name: string;
    unit: IndicatorUnit;
    definition: string;
    baseline: number;
    target: number | null;
    targetDate: string | null;
    period: IndicatorPeriod;
    valoressDomain: ValoressDomain | null;
    sdg: number | null;
  }[];
  /** Entered figures (with their note) and computed ones (note null), per period. */
  indicatorValues: { indicatorId: number; periodStart: string; value: number; note: string | null }[];
};



/** An instant as TableSchema's default datetime format: ISO 8601 in UTC, to the second. */
export function openDateTime(at: Date | null): string | null {
  return at ? at.toISOString().replace(/\.\d{3}Z$/, "Z") : null;
}

const euros = (cents: number | null) => (cents === null ? null : cents / 100);
const orNull = (value: string | null | undefined) => (value === undefined || value === null || value.trim() === "" ? null : value);

/**
 * The records of the whole install. An organisation that lends a resource but is confirmed in no pôle
 * is not published: the resource shows no organisation. Communes are those the records cite.
 */
export function buildDataset(s: OpenDataSources, baseUrl: string): OpenDataset {
  const base = baseUrl.replace(/\/+$/, "");
  const publishedOrganisations = new Set(s.organisations.map((o) => o.id));
  const dataset: OpenDataset = {
    communes: [],
    poles: s.poles.map((p) => ({
      id: p.id,
      slug: p.slug,
      name: p.name,
      area: p.area,
      description: p.description,
      seat_commune_code: p.seatCommuneCode,
      website: orNull(p.website),
      url: `${base}/poles/${p.slug}`,
    })),
    organisations: s.organisations.map((o) => ({
      id: o.id,
      slug: o.slug,
      name: o.name,
      kind: o.kind,
      siren: orNull(o.siren),
      siret: orNull(o.siret),
      naf_code: orNull(o.nafCode),
      commune_code: o.communeCode,
      description: orNull(o.description),
      website: orNull(o.website),
      url: `${base}/organisations/${o.slug}`,
    })),
    organisation_poles: s.memberships.map((m) => ({ organisation_id: m.organisationId, pole_id: m.poleId, confirmed_at: openDateTime(m.confirmedAt) })),
    projects: s.projects.map((p) => ({
      id: p.id,
      title: p.title,
      pitch: p.pitch,
      description: orNull(p.description),
      kind: p.kind,
      stage: p.stage,
      legal_form: p.legalForm,
      activity_domain: p.activityDomain,
      commune_code: p.communeCode,
      remote_ok: p.remoteOk,
      jobs_expected: p.jobsExpected,
      seeks_partners: p.seeksPartners,
      status: p.status,
      published_at: openDateTime(p.publishedAt),
      closed_at: openDateTime(p.closedAt),
      url: `${base}/projets/${p.id}`,
    })),
    project_poles: s.projectPoles.map((l) => ({ project_id: l.projectId, pole_id: l.poleId })),
    events: s.events.map((e) => ({
      id: e.id,
      pole_id: e.poleId,
      title: e.title,
      description: orNull(e.description),
      starts_at: openDateTime(e.startsAt),
      ends_at: openDateTime(e.endsAt),
      address: orNull(e.address),
      commune_code: e.communeCode,
      online_url: orNull(e.onlineUrl),
      capacity: e.capacity,
      status: e.status,
      cancel_reason: orNull(e.cancelReason),
      uid: e.uid,
      url: `${base}/agenda/${e.id}`,
    })),
    resources: s.resources.map((r) => ({
      id: r.id,
      pole_id: r.poleId,
      organisation_id: r.organisationId !== null && publishedOrganisations.has(r.organisationId) ? r.organisationId : null,
      kind: r.kind,
      title: r.title,
      description: r.description,
      commune_code: r.communeCode,
      terms: r.terms,
      cost_eur: euros(r.costCents),
      deposit_eur: euros(r.depositCents),
      terms_note: orNull(r.termsNote),
      url: `${base}/ressources/${r.id}`,
    })),
    unmet_needs: s.unmetNeeds.map((n) => ({
      id: n.id,
      pole_id: n.poleId,
      title: n.title,
      description: n.description,
      commune_code: n.communeCode,
      place_note: orNull(n.placeNote),
      affected: n.affected,
      status: n.status,
      status_note: orNull(n.statusNote),
      support_count: n.supportCount,
      created_at: openDateTime(n.createdAt),
      url: `${base}/besoins/${n.id}`,
    })),
    indicators: [],
    indicator_values: [],
  };
  const unitOf = new Map(s.indicators.map((i) => [i.id, i.unit]));
  dataset.indicators = s.indicators.map((i) => ({
    id: i.id,
    pole_id: i.poleId,
    name: i.name,
    definition: i.definition,
    source: i.source,
    metric: i.metric,
    unit: i.unit,
    period: i.period,
    baseline: figureInUnit(i.baseline, i.unit),
    target: i.target === null ? null : figureInUnit(i.target, i.unit),
    target_date: orNull(i.targetDate),
    valoress_domain: i.valoressDomain,
    sdg: i.sdg,
  }));
  dataset.indicator_values = s.indicatorValues
    .filter((v) => unitOf.has(v.indicatorId))
    .map((v) => ({ indicator_id: v.indicatorId, period_start: v.periodStart, value: figureInUnit(v.value, unitOf.get(v.indicatorId)!), note: orNull(v.note) }));
  dataset.communes = s.communes
    .filter((c) => citedCommunes(dataset).has(c.code))
    .map((c) => ({ code: c.code, name: c.name, department_code: c.departmentCode, postal_codes: c.postalCodes, latitude: c.latitude, longitude: c.longitude }));
  return dataset;
}

/** Every commune code a record of the dataset names (communes excepted). */
export function citedCommunes(dataset: OpenDataset): Set<string> {
  const codes = new Set<string>();
  for (const spec of OPEN_DATA_TABLES) {
    for (const fk of spec.foreignKeys.filter((f) => f.resource === "communes")) {
      for (const record of dataset[spec.name]) {
        const code = record[fk.field];
        if (typeof code === "string") codes.add(code);
      }
    }
  }
  return codes;
}

/**
 * What one pôle publishes: itself, its member organisations (and those lending its resources), the
 * projects of its perimeter, its events, resources and needs, and the communes they name. Every
 * foreign key of the subset resolves inside it.
 */
export function poleSubset(dataset: OpenDataset, poleId: number): OpenDataset {
  const ofPole = (r: OpenRecord) => r.pole_id === poleId;
  const resources = dataset.resources.filter(ofPole);
  const organisationPoles = dataset.organisation_poles.filter(ofPole);
  const organisationIds = new Set<OpenValue | undefined>([...organisationPoles.map((m) => m.organisation_id), ...resources.map((r) => r.organisation_id)]);
  const projectPoles = dataset.project_poles.filter(ofPole);
  const projectIds = new Set<OpenValue | undefined>(projectPoles.map((l) => l.project_id));
  const subset: OpenDataset = {
    communes: [],
    poles: dataset.poles.filter((p) => p.id === poleId),
    organisations: dataset.organisations.filter((o) => organisationIds.has(o.id)),
    organisation_poles: organisationPoles,
    projects: dataset.projects.filter((p) => projectIds.has(p.id)),
    project_poles: projectPoles,
    events: dataset.events.filter(ofPole),
    resources,
    unmet_needs: dataset.unmet_needs.filter(ofPole),
    indicators: dataset.indicators.filter(ofPole),
    indicator_values: [],
  };
  const indicatorIds = new Set<OpenValue | undefined>(subset.indicators.map((i) => i.id));
  subset.indicator_values = dataset.indicator_values.filter((v) => indicatorIds.has(v.indicator_id));
  const cited = citedCommunes(subset);
  subset.communes = dataset.communes.filter((c) => cited.has(String(c.code)));
  return subset;
}
