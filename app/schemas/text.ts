import { z } from "zod";

/**
 * What people type goes through here, in every schema of app/schemas: Unicode NFC (an « é » typed as
 * « e » + combining accent is stored as one « é »), control characters removed (C0, DEL, C1; a
 * multi-line text keeps its line breaks and tabs, with CRLF written LF), trimmed. Names and titles
 * also refuse the bidirectional controls that make a name read differently from what it is
 * (« Nadia\u202E » shown reversed), with a French message at the field. Passwords never come here:
 * they are checked as typed.
 */

/** Every C0 control, DEL and every C1 control. */
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/gu;
/** The same, except tab and line feed (carriage returns are turned into line feeds first). */
const CONTROLS_BUT_LINES = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu;
/** Whitespace controls that separate words on one line: turned into a space rather than removed. */
const LINE_SPACES = /[\t\n\v\f\r\u0085]+/gu;
/** Embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), and the LRM, RLM, ALM marks. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;

/** One line of text, as stored: NFC, no control character (tabs and line breaks become spaces), trimmed. */
export function cleanLine(value: string): string {
  return value.normalize("NFC").replace(LINE_SPACES, " ").replace(CONTROLS, "").trim();
}

/** A multi-line text, as stored: NFC, line breaks as LF, tabs kept, no other control character, trimmed. */
export function cleanMultiline(value: string): string {
  return value.normalize("NFC").replace(/\r\n?/g, "\n").replace(CONTROLS_BUT_LINES, "").trim();
}

/** The bidirectional controls in a text, as « U+202E », each once, in order. */
export function bidiControlsIn(value: string): string[] {
  const found = new Set<string>();
  for (const match of value.matchAll(BIDI_CONTROLS)) {
    found.add(`U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`);
  }
  return [...found];
}

/** The message at a name or title that holds bidirectional controls. */
export function bidiMessage(value: string, noun: "nom" | "titre" = "nom"): string {
  return `Ce ${noun} contient des caractères de contrôle de direction (${bidiControlsIn(value).join(", ")}) : retirez-les.`;
}

export type TextKind =
  /** One line (a place, a position, a note typed in a text field): the default. */
  | "line"
  /** A textarea: line breaks and tabs kept. */
  | "multiline"
  /** A name shown to others (a person, an organisation, a club, a group…): one line, no bidi control. */
  | "name"
  /** A title shown to others (a project, an event, an article, a need…): one line, no bidi control. */
  | "title";

/**
 * The base of every text field: a string cleaned as its kind says (see above). Chain `.min`, `.max`,
 * `.refine`, `.pipe(z.email())` on it as on `z.string()`.
 */
export function text(kind: TextKind = "line", required?: string) {
  const base = z.string(required === undefined ? undefined : { error: required });
  const cleaned = base.overwrite(kind === "multiline" ? cleanMultiline : cleanLine);
  if (kind !== "name" && kind !== "title") return cleaned;
  return cleaned.refine((v) => bidiControlsIn(v).length === 0, {
    error: (issue) => bidiMessage(String(issue.input), kind === "name" ? "nom" : "titre"),
    abort: true,
  });
}

/** A text the person must give: cleaned, between `min` and `max` characters, messages naming it (« Le titre »). */
export function requiredText(required: string, min: number, max: number, what: string, kind: TextKind = "line") {
  return text(kind, required)
    .min(min, { error: `${what} doit compter au moins ${min} caractères.` })
    .max(max, { error: `${what} doit compter au plus ${max} caractères.` });
}

/** A text the person may leave empty: cleaned, at most `max` characters. */
export function optionalText(max: number, what: string, kind: TextKind = "line") {
  return text(kind)
    .max(max, { error: `${what} doit compter au plus ${max} caractères.` })
    .optional();
}
