/**
 * NAF rév. 2 codes and their labels (@socialgouv/codes-naf, from INSEE's
 * nomenclature): loaded once, on first use, from the package rather than a
 * table, since nobody edits them. An organisation's APE code is a sub-class,
 * « 88.99B »; sections, divisions and groups are not codes an organisation holds.
 */
import { createRequire } from "node:module";
import { normaliseNafCode } from "~/domain/organisation";

let labels: Map<string, string> | undefined;

function nafLabels(): Map<string, string> {
  if (!labels) {
    const require = createRequire(import.meta.url);
    const list = require("@socialgouv/codes-naf/index.json") as { id: string; label: string }[];
    // Sub-classes only: « 88.99B », « 01.11Z ». Some labels carry double spaces.
    labels = new Map(list.filter((c) => /^\d{2}\.\d{2}[A-Z]$/.test(c.id)).map((c) => [c.id, c.label.replace(/\s+/g, " ").trim()]));
  }
  return labels;
}

export type NafLookup = { ok: true; code: string; label: string } | { ok: false; reason: "format" | "unknown" };

/** « 8899B », « 88.99b » → { code: "88.99B", label: "Action sociale sans hébergement n.c.a." }. */
export function lookUpNafCode(value: string): NafLookup {
  const code = normaliseNafCode(value);
  if (!code) return { ok: false, reason: "format" };
  const label = nafLabels().get(code);
  return label ? { ok: true, code, label } : { ok: false, reason: "unknown" };
}

/** The label of a stored code; null for a code the nomenclature does not know (or none). */
export function nafLabel(code: string | null): string | null {
  return code ? (nafLabels().get(code) ?? null) : null;
}

/** How many sub-classes the nomenclature holds (732 in NAF rév. 2). */
export function nafCodeCount(): number {
  return nafLabels().size;
}
