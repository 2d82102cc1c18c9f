import { z } from "zod";

/** A text the person must give: trimmed, between `min` and `max` characters, messages naming it (« Le titre »). */
export function requiredText(required: string, min: number, max: number, what: string) {
  return z
    .string({ error: required })
    .trim()
    .min(min, { error: `${what} doit compter au moins ${min} caractères.` })
    .max(max, { error: `${what} doit compter au plus ${max} caractères.` });
}

/** A text the person may leave empty: trimmed, at most `max` characters. */
export function optionalText(max: number, what: string) {
  return z
    .string()
    .trim()
    .max(max, { error: `${what} doit compter au plus ${max} caractères.` })
    .optional();
}
