/** Region names by INSEE code, from Etalab's découpage administratif (the departments table holds the code). */
import fs from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let names: Map<string, string> | undefined;

export function regionNames(): Map<string, string> {
  if (!names) {
    const file = require.resolve("@etalab/decoupage-administratif/data/regions.json");
    const list = JSON.parse(fs.readFileSync(file, "utf8")) as { code: string; nom: string }[];
    names = new Map(list.map((r) => [r.code, r.nom]));
  }
  return names;
}
