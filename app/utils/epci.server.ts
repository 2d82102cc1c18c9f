/**
 * Intercommunalités (EPCI à fiscalité propre) from Etalab's découpage administratif, the same
 * package as the communes table: read once, on first use.
 */
import fs from "node:fs";
import { createRequire } from "node:module";

export type Epci = { code: string; name: string; memberCodes: string[] };

type EtalabEpci = { code: string; nom: string; membres: { code: string }[] };

const require = createRequire(import.meta.url);
let byCode: Map<string, Epci> | undefined;

function epcis(): Map<string, Epci> {
  if (!byCode) {
    const file = require.resolve("@etalab/decoupage-administratif/data/epci.json");
    const list = JSON.parse(fs.readFileSync(file, "utf8")) as EtalabEpci[];
    byCode = new Map(
      list.map((epci) => [epci.code, { code: epci.code, name: epci.nom, memberCodes: epci.membres.map((m) => m.code) }]),
    );
  }
  return byCode;
}

/** The EPCI of this SIREN code; throws for an unknown one (a seed's typo must not pass). */
export function getEpci(code: string): Epci {
  const epci = epcis().get(code);
  if (!epci) throw new Error(`Unknown EPCI ${code} in @etalab/decoupage-administratif`);
  return epci;
}

/** INSEE codes of the member communes of these EPCIs, sorted, without duplicates. */
export function epciMemberCodes(epciCodes: readonly string[]): string[] {
  return [...new Set(epciCodes.flatMap((code) => getEpci(code).memberCodes))].sort();
}

/** The EPCIs whose every member commune is in the perimeter, by name (a pôle made of whole EPCIs). */
export function epcisWithin(communeCodes: readonly string[]): Epci[] {
  if (communeCodes.length === 0) return [];
  const perimeter = new Set(communeCodes);
  return [...epcis().values()]
    .filter((epci) => epci.memberCodes.length > 0 && epci.memberCodes.every((code) => perimeter.has(code)))
    .sort((a, b) => a.name.localeCompare(b.name, "fr"));
}
