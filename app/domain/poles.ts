/**
 * The directory of pôles: shared axis themes, filters by region, department and theme, the list
 * grouped by region then department, and how many pôles each department counts (the map's shading).
 */
import type { AxisTheme } from "./vocabulary";

export const AXIS_THEME_LABELS: Record<AxisTheme, string> = {
  alimentation: "Alimentation et agriculture durable",
  mobilite: "Mobilité",
  "emploi-insertion": "Emploi, formation et insertion",
  "habitat-energie": "Habitat, bâtiment et énergie",
  "dechets-reemploi": "Déchets, réemploi et économie circulaire",
  culture: "Culture et industries créatives",
  numerique: "Numérique",
  "creation-activites": "Création d'activités et accompagnement",
  "services-personne": "Services à la personne",
  "services-entreprises": "Services aux entreprises",
  "finance-solidaire": "Finance solidaire et épargne de proximité",
  "cooperation-ess": "Coopération et promotion de l'ESS",
  autre: "Autres thèmes",
};

/** What the directory needs of a pôle. */
export type DirectoryPole = {
  slug: string;
  name: string;
  departments: { code: string; name: string; regionCode: string }[];
  themes: AxisTheme[];
};

export type PoleFilters = { region?: string; department?: string; theme?: AxisTheme };

/** The pôles matching every filter given: a department or region among theirs, an axis of the theme. */
export function filterPoles<P extends DirectoryPole>(poles: readonly P[], filters: PoleFilters): P[] {
  return poles.filter(
    (pole) =>
      (!filters.region || pole.departments.some((d) => d.regionCode === filters.region)) &&
      (!filters.department || pole.departments.some((d) => d.code === filters.department)) &&
      (!filters.theme || pole.themes.includes(filters.theme)),
  );
}

/** French order for names (« Île-de-France » after « Hauts-de-France », not after « Occitanie »). */
const byName = new Intl.Collator("fr", { sensitivity: "base" });

/** Department codes in INSEE order: 01 … 19, 2A, 2B, 21 … 95, 971 … 976. */
export function compareDepartmentCodes(a: string, b: string): number {
  const key = (code: string) => (code === "2A" ? "20.1" : code === "2B" ? "20.2" : code.padEnd(3, " "));
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

export type DepartmentGroup<P> = { code: string; name: string; poles: P[] };
export type RegionGroup<P> = { code: string; name: string; departments: DepartmentGroup<P>[] };

/**
 * Regions by name, their departments by code, the pôles of each by name. A pôle spread over several
 * departments is listed under each of them (when the `department` filter is set, only under that one).
 */
export function groupByRegionAndDepartment<P extends DirectoryPole>(
  poles: readonly P[],
  regionNames: ReadonlyMap<string, string>,
  onlyDepartment?: string,
): RegionGroup<P>[] {
  const regions = new Map<string, RegionGroup<P>>();
  for (const pole of poles) {
    for (const department of pole.departments) {
      if (onlyDepartment && department.code !== onlyDepartment) continue;
      let region = regions.get(department.regionCode);
      if (!region) {
        region = {
          code: department.regionCode,
          name: regionNames.get(department.regionCode) ?? `Région ${department.regionCode}`,
          departments: [],
        };
        regions.set(department.regionCode, region);
      }
      let group = region.departments.find((d) => d.code === department.code);
      if (!group) {
        group = { code: department.code, name: department.name, poles: [] };
        region.departments.push(group);
      }
      if (!group.poles.includes(pole)) group.poles.push(pole);
    }
  }
  const sorted = [...regions.values()].sort((a, b) => byName.compare(a.name, b.name));
  for (const region of sorted) {
    region.departments.sort((a, b) => compareDepartmentCodes(a.code, b.code));
    for (const department of region.departments) department.poles.sort((a, b) => byName.compare(a.name, b.name));
  }
  return sorted;
}

/** How many of these pôles each department counts. */
export function polesPerDepartment(poles: readonly DirectoryPole[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const pole of poles) {
    for (const code of new Set(pole.departments.map((d) => d.code))) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return counts;
}

/** The map's classes of shading, lightest first: no pôle, one, two or three, four and more (named by `poles.map.shades`). */
export const SHADE_CLASSES = [
  { min: 0, max: 0 },
  { min: 1, max: 1 },
  { min: 2, max: 3 },
  { min: 4, max: Infinity },
] as const;

/** Index in SHADE_CLASSES of a department counting `count` pôles. */
export function shadeOf(count: number): number {
  return SHADE_CLASSES.findIndex((shade) => count >= shade.min && count <= shade.max);
}

/** Choices for the filters: only values some pôle has, named, in display order. */
export function filterChoices(poles: readonly DirectoryPole[], regionNames: ReadonlyMap<string, string>) {
  const regions = new Map<string, string>();
  const departments = new Map<string, string>();
  const themes = new Set<AxisTheme>();
  for (const pole of poles) {
    for (const d of pole.departments) {
      regions.set(d.regionCode, regionNames.get(d.regionCode) ?? `Région ${d.regionCode}`);
      departments.set(d.code, d.name);
    }
    for (const theme of pole.themes) themes.add(theme);
  }
  return {
    regions: [...regions].map(([value, label]) => ({ value, label })).sort((a, b) => byName.compare(a.label, b.label)),
    departments: [...departments]
      .map(([value, name]) => ({ value, label: `${name} (${value})` }))
      .sort((a, b) => compareDepartmentCodes(a.value, b.value)),
    themes: (Object.keys(AXIS_THEME_LABELS) as AxisTheme[])
      .filter((theme) => themes.has(theme))
      .map((value) => ({ value, label: AXIS_THEME_LABELS[value] })),
  };
}

/** What the pôle page says of itself to search engines: a schema.org Organization. */
export function poleJsonLd(pole: {
  url: string;
  name: string;
  description: string;
  email: string | null;
  phone: string | null;
  website: string | null;
  address: string | null;
  areaServed: readonly string[];
}): Record<string, unknown> {
  const postal = pole.address ? /^(.*?),\s*(\d{5})\s+(.+)$/.exec(pole.address) : null;
  const address = postal
    ? { "@type": "PostalAddress", streetAddress: postal[1], postalCode: postal[2], addressLocality: postal[3], addressCountry: "FR" }
    : pole.address ?? undefined;
  const data: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "Organization",
    name: pole.name,
    url: pole.url,
    description: pole.description,
    address,
    areaServed: pole.areaServed.map((name) => ({ "@type": "AdministrativeArea", name })),
    email: pole.email ?? undefined,
    telephone: pole.phone ?? undefined,
    sameAs: pole.website ?? undefined,
  };
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
}

/**
 * JSON for an inline <script type="application/ld+json">: `<` (hence `</script>` and `<!--`), `>` and
 * `&` as \u escapes, and the two line separators JavaScript once refused in strings.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** « 09 53 50 27 59 » → « tel:+33953502759 »; other numbers keep their digits (and a leading +). */
export function telephoneHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, "");
  return /^0\d{9}$/.test(digits) ? `tel:+33${digits.slice(1)}` : `tel:${digits}`;
}
