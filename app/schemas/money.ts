import { z } from "zod";
import { formatEuros } from "~/domain/format";
import { text } from "./text";

const EURO_AMOUNT = /^\d{1,3}(?:[\s\u00a0\u202f]?\d{3})*(?:[.,]\d{1,2})?$/;

/** "12 000", "12000,50", "7500 €" → cents; anything else → null (the field then says why). */
export function parseEurosToCents(input: string): number | null {
  const cleaned = input.replace(/€/g, "").trim();
  if (!EURO_AMOUNT.test(cleaned)) return null;
  const normalized = cleaned.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  return Math.round(Number(normalized) * 100);
}

/**
 * An amount typed in euros (« 1 200 », « 35,50 », « 500 € ») → integer cents,
 * between `minCents` and `maxCents`, with French messages: the one way to read
 * euros in Maillon.
 */
export function euros(options: { required: string; what: string; minCents?: number; maxCents?: number }) {
  const { required, what, minCents = 1, maxCents = 100_000_000_00 } = options;
  return text("line", required)
    .min(1, { error: required })
    .max(20, { error: `${what} est trop long.` })
    .transform((value, ctx) => {
      const cents = parseEurosToCents(value);
      if (cents === null) {
        ctx.addIssue({ code: "custom", message: `${what} doit être un montant en euros, par exemple 1 200 ou 35,50.` });
        return z.NEVER;
      }
      if (cents < minCents) {
        ctx.addIssue({
          code: "custom",
          message: minCents <= 1 ? `${what} doit être supérieur à 0 €.` : `${what} doit être d'au moins ${formatEuros(minCents)}.`,
        });
        return z.NEVER;
      }
      if (cents > maxCents) {
        ctx.addIssue({ code: "custom", message: `${what} ne peut dépasser ${formatEuros(maxCents)}.` });
        return z.NEVER;
      }
      return cents;
    });
}

/** Cents → what a person would type back in the field: « 1200 » or « 35,50 ». */
export function centsToInput(cents: number | null | undefined): string {
  if (cents == null) return "";
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2).replace(".", ",");
}
