/**
 * `npm run check:client`, after `npm run build`: fails, naming the file, when
 * build/client (or the folder given as argument) holds drizzle-orm or one of
 * our table definitions.
 */
import fs from "node:fs";
import path from "node:path";
import * as schema from "#db/schema";
import { findDatabaseCode, tableNamesOf, type BuiltFile } from "./client-bundle";

const CLIENT_DIR = process.argv[2] ?? "build/client";
const TEXT_FILE = /\.(m?js|css|html|json|map|txt)$/;

function builtFiles(dir: string): BuiltFile[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => TEXT_FILE.test(name))
    .map((name) => path.join(dir, name))
    .filter((file) => fs.statSync(file).isFile())
    .map((file) => ({ path: file, text: fs.readFileSync(file, "utf8") }));
}

const files = fs.existsSync(CLIENT_DIR) ? builtFiles(CLIENT_DIR) : [];
const scripts = files.filter((f) => f.path.endsWith(".js"));
if (scripts.length === 0) {
  console.error(`No JavaScript under ${CLIENT_DIR}: run npm run build first.`);
  process.exit(1);
}
const found = findDatabaseCode(files, tableNamesOf(schema));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const largest = scripts.reduce((a, b) => (b.text.length > a.text.length ? b : a));
if (found.length > 0) {
  console.error(`The browser would download the database layer:\n  ${found.join("\n  ")}`);
  console.error("Client code (routes' components, app/components, app/schemas) must take enums from ~/domain/vocabulary.");
  process.exit(1);
}
console.log(
  `${CLIENT_DIR}: no drizzle-orm, no table definition in ${files.length} files; ` +
    `${scripts.length} scripts, ${kb(scripts.reduce((n, f) => n + Buffer.byteLength(f.text), 0))}, ` +
    `largest ${path.basename(largest.path)} (${kb(Buffer.byteLength(largest.text))}).`,
);
