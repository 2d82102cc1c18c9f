/** What is left to translate: each component or route module with French still written in it. */
import { frenchInInterface } from "../app/i18n/french-scan.server";

const verbose = process.argv.includes("--lines");
const left = [...frenchInInterface()].filter(([, strings]) => strings.length > 0);
for (const [file, strings] of left) {
  console.log(`${String(strings.length).padStart(4)}  ${file}`);
  if (verbose) for (const s of strings) console.log(`        ${s.line}: ${s.text}`);
}
console.log(`${left.length} files, ${left.reduce((n, [, s]) => n + s.length, 0)} strings`);
