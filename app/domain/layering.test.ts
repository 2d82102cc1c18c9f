/**
 * The domain is pure: it imports only itself and plain libraries, never the
 * database, the app's infrastructure (utils, models, guards), Remix or Node.
 * That keeps its rules testable without a server and loadable in the browser.
 */
import ts from "typescript";
import { describe, expect, it } from "vitest";

const DOMAIN = "app/domain";

/** Path aliases of tsconfig.json, as repository folders. */
const ALIASES: Record<string, string> = { "~/": "app/", "#db/": "db/", "#tests/": "tests/", "#seeds/": "seeds/" };

/** Packages that mean storage, a server or Node (besides every `node:` and `@remix-run/` one). */
const FORBIDDEN_PACKAGES = new Set(["drizzle-orm", "drizzle-kit", "better-sqlite3", "express"]);
const NODE_BUILTINS = new Set(
  ("assert buffer child_process crypto dns events fs http http2 https module net os path perf_hooks " +
    "process readline stream timers tls url util v8 vm worker_threads zlib").split(" "),
);

/** "app/domain/clubs" + "../../utils/format" → "app/utils/format". */
function joinPath(dir: string, relative: string): string {
  const parts = dir.split("/");
  for (const part of relative.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "." && part !== "") parts.push(part);
  }
  return parts.join("/");
}

/** Where an import specifier leads: a repository path, or null for a package. */
function resolveSpecifier(file: string, specifier: string): string | null {
  if (specifier.startsWith(".")) return joinPath(file.split("/").slice(0, -1).join("/"), specifier);
  for (const [alias, folder] of Object.entries(ALIASES)) {
    if (specifier.startsWith(alias)) return folder + specifier.slice(alias.length);
  }
  return null;
}

function isForbiddenPackage(specifier: string): boolean {
  if (specifier.startsWith("node:") || specifier.startsWith("@remix-run/")) return true;
  const name = specifier.split("/")[0] ?? specifier;
  return FORBIDDEN_PACKAGES.has(name) || NODE_BUILTINS.has(name);
}

/**
 * Every import of `source` (static, `export … from`, dynamic `import()`) that
 * leaves the domain or reaches a forbidden package, as « file imports "x" ».
 * `file` is the repository path of the source, e.g. "app/domain/clubs/vote.ts".
 */
export function forbiddenImports(file: string, source: string): string[] {
  const { importedFiles } = ts.preProcessFile(source, true, true);
  const found: string[] = [];
  for (const { fileName: specifier } of importedFiles) {
    const target = resolveSpecifier(file, specifier);
    const leaves = target !== null && target !== DOMAIN && !target.startsWith(`${DOMAIN}/`);
    if (leaves || (target === null && isForbiddenPackage(specifier))) {
      found.push(`${file} imports "${specifier}"${target === null ? "" : ` (${target})`}`);
    }
  }
  return found;
}

const SOURCES = import.meta.glob<string>("./**/*.{ts,tsx}", { query: "?raw", import: "default", eager: true });

describe("app/domain imports nothing outside the domain", () => {
  it("holds for every file under app/domain, tests included", () => {
    const files = Object.keys(SOURCES);
    expect(files).toContain("./vocabulary.ts");
    expect(files).toContain("./matching/test-arbitraries.ts");
    const violations = files.flatMap((key) => forbiddenImports(`${DOMAIN}/${key.slice(2)}`, SOURCES[key]!));
    expect(violations).toEqual([]);
  });
});

describe("forbiddenImports", () => {
  const file = "app/domain/clubs/vote.ts";

  it("names the database, utils, models and guards, by alias or by relative path", () => {
    const source = [
      'import type { Role } from "#db/schema";',
      'import { formatEuros } from "~/utils/format";',
      'export { listClubs } from "~/models/club.server";',
      'import { requireUser } from "../../guards/auth.server";',
      'import { projects } from "../../../db/schema/projects";',
    ].join("\n");
    expect(forbiddenImports(file, source)).toEqual([
      `${file} imports "#db/schema" (db/schema)`,
      `${file} imports "~/utils/format" (app/utils/format)`,
      `${file} imports "~/models/club.server" (app/models/club.server)`,
      `${file} imports "../../guards/auth.server" (app/guards/auth.server)`,
      `${file} imports "../../../db/schema/projects" (db/schema/projects)`,
    ]);
  });

  it("names Remix, Node, SQLite and drizzle, dynamic imports included", () => {
    const source = [
      'import { data } from "@remix-run/node";',
      'import fs from "node:fs";',
      'import path from "path";',
      'import Database from "better-sqlite3";',
      'const { eq } = await import("drizzle-orm");',
      'export * from "drizzle-orm/sqlite-core";',
    ].join("\n");
    expect(forbiddenImports(file, source)).toEqual([
      `${file} imports "@remix-run/node"`,
      `${file} imports "node:fs"`,
      `${file} imports "path"`,
      `${file} imports "better-sqlite3"`,
      `${file} imports "drizzle-orm"`,
      `${file} imports "drizzle-orm/sqlite-core"`,
    ]);
  });

  it("lets the domain import itself and plain libraries, and ignores strings and comments", () => {
    const source = [
      'import { tally } from "./vote-tally";',
      'import { LEDGER_KINDS } from "../vocabulary";',
      'import { parisIsoDate } from "~/domain/paris-time";',
      'import { z } from "zod";',
      'import fc from "fast-check";',
      '// import { db } from "~/utils/db.server";',
      'const example = `import x from "#db/schema"`;',
    ].join("\n");
    expect(forbiddenImports(file, source)).toEqual([]);
  });
});
