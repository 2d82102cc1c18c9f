/**
 * Finds French left written in the interface's code (components and route modules), with
 * TypeScript's parser: JSX text and the attributes people read (label, title, aria-label…) that hold
 * any word, and strings that read as French (accented letters, or French words in a phrase).
 * `npx tsx scripts/untranslated.ts` lists what is left; app/i18n/hard-coded-french.test.ts fails on it.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { sentenceShape } from "./sentences";

const SCANNED = ["app/components", "app/routes"];

const FRENCH_LETTERS = /[àâäçéèêëîïôöùûüÿœæÀÂÇÉÈÊËÎÏÔÙÛÜŒ]/;
const FRENCH_WORDS =
  /(^|[\s'’(«])(le|la|les|des|du|de|un|une|et|ou|pour|par|sur|avec|dans|vous|votre|vos|nous|notre|est|sont|pas|ne|plus|mon|ma|mes|son|sa|ses|leur|leurs|aux|au|ce|cette|ces|qui|que|aucun|aucune|voir|l|d|j|n|s|qu)(?=$|[\s'’).,:;!?»])/i;

/** Whether a text shown to people reads as French. */
export function looksFrench(text: string): boolean {
  const trimmed = text.trim();
  if (!/\p{L}{2}/u.test(trimmed)) return false;
  return FRENCH_LETTERS.test(trimmed) || (/\s/.test(trimmed) && FRENCH_WORDS.test(trimmed));
}

/** Words that are the same in every language: the product's name, formats, acronyms. */
const UNTRANSLATED_WORDS = new Set(
  "Maillon CSV ICS iCal RSS Atom API JSON ZIP OpenAPI SIRET SIREN NAF CIGALES VALOR ESS PTCE ODD SDG OK".split(" "),
);

/** JSX text, and attributes that hold words for people: any word there must come from the tables. */
const TEXT_ATTRIBUTES = /^(label|title|aria-label|placeholder|alt|legend|hint|empty|description|caption|heading|summary|submitLabel|confirm|emptyText|noneText)$/;

/** Whether a text shown as such (JSX text, a label) holds words to translate. */
function holdsWords(text: string): boolean {
  return (text.match(/\p{L}{2,}/gu) ?? []).some((word) => !UNTRANSLATED_WORDS.has(word));
}

/** JSX attributes that never hold words for people. */
const TECHNICAL_ATTRIBUTES = /^(className|id|href|to|action|method|name|type|key|htmlFor|role|rel|src|srcSet|target|encType|autoComplete|inputMode|pattern|accept|viewBox|d|fill|stroke|lang|hrefLang|form|data-[\w-]+|aria-(labelledby|describedby|controls|live|current))$/;

/**
 * The sentence a refusal carries to people, whatever it reads like (« Vote introuvable » has neither
 * an accent nor a small French word): the message of `notFound`, `forbidden`, `badRequest`, the
 * second argument of `fail`, and a `message` property written in place.
 */
const REFUSAL_CALLS = new Map([
  ["notFound", 0],
  ["forbidden", 0],
  ["badRequest", 0],
  ["fail", 1],
]);

function isRefusalSentence(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isPropertyAssignment(parent) && parent.initializer === node) return ts.isIdentifier(parent.name) && parent.name.text === "message";
  if (!ts.isCallExpression(parent) || !ts.isIdentifier(parent.expression)) return false;
  const place = REFUSAL_CALLS.get(parent.expression.text);
  return place !== undefined && parent.arguments[place] === node;
}

/** The French strings of a module, with their line numbers. */
export function frenchStringsIn(fileName: string, source: string): { line: number; text: string }[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: { line: number; text: string }[] = [];
  const add = (node: ts.Node, text: string) =>
    found.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim().slice(0, 80) });
  const report = (node: ts.Node, text: string) => {
    if (looksFrench(text)) add(node, text);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isLiteralTypeNode(node)) return;
    if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(file);
      if (TECHNICAL_ATTRIBUTES.test(name)) return;
      if (TEXT_ATTRIBUTES.test(name) && node.initializer && ts.isStringLiteral(node.initializer)) {
        if (holdsWords(node.initializer.text)) add(node.initializer, node.initializer.text);
        return;
      }
    }
    if (ts.isJsxText(node)) {
      if (holdsWords(node.text)) add(node, node.text);
    } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && isRefusalSentence(node)) {
      if (holdsWords(node.text)) add(node, node.text);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) report(node, node.text);
    else if (ts.isTemplateExpression(node)) {
      report(node, [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(" "));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/**
 * The French sentences a module writes for people without drawing them (a schema's field errors, a
 * model's refusals, a guard's reasons): every string that reads as French, and every template that
 * does as its shape (`{}` where each value goes, see app/i18n/sentences.ts).
 */
export function frenchSentencesIn(fileName: string, source: string): { line: number; sentence: string }[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: { line: number; sentence: string }[] = [];
  const add = (node: ts.Node, sentence: string) =>
    found.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, sentence });
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isLiteralTypeNode(node)) return;
    // SQL (drizzle's sql`…`, a prepared statement) is not for people, whatever words it holds.
    if (ts.isTaggedTemplateExpression(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (isRefusalSentence(node) ? holdsWords(node.text) : looksFrench(node.text) && !looksLikeSql(node.text)) add(node, node.text);
    } else if (ts.isTemplateExpression(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
      const refusal = isRefusalSentence(node) && holdsWords(parts.join(" "));
      if (refusal || (looksFrench(parts.join(" ")) && !looksLikeSql(node.head.text))) add(node, sentenceShape(parts));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function looksLikeSql(text: string): boolean {
  return /^\s*\(?\s*(select|insert|update|delete|with)\s/i.test(text);
}

/** The modules of these folders (tests left out), and these modules. */
function modulesUnder(places: readonly string[]): string[] {
  return places
    .flatMap((place) =>
      /\.tsx?$/.test(place)
        ? [place]
        : fs
            .readdirSync(place, { recursive: true, encoding: "utf8" })
            .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
            .map((name) => path.posix.join(place, name.split(path.sep).join("/"))),
    )
    .sort();
}

/**
 * Where the sentences shown through `useSay()` / `say()` are written: the schemas, guards and models,
 * and the infrastructure that refuses a request for people (an unreadable form, a weak password, too
 * many writes). Operators' messages (backups) and open-data descriptions stay French.
 */
export const SENTENCE_SOURCES = [
  "app/schemas",
  "app/guards",
  "app/models",
  "app/utils/http.server.ts",
  "app/utils/password.server.ts",
  "app/utils/rate-limit.server.ts",
  "app/utils/reply.server.ts",
] as const;

/** Every module of SENTENCE_SOURCES with its French sentences. */
export function frenchSentencesInSources(): Map<string, { line: number; sentence: string }[]> {
  return new Map(modulesUnder(SENTENCE_SOURCES).map((file) => [file, frenchSentencesIn(file, fs.readFileSync(file, "utf8"))]));
}

export function interfaceModules(): string[] {
  return modulesUnder(SCANNED);
}

/** Every scanned module with its French strings. */
export function frenchInInterface(): Map<string, { line: number; text: string }[]> {
  return new Map(interfaceModules().map((file) => [file, frenchStringsIn(file, fs.readFileSync(file, "utf8"))]));
}
