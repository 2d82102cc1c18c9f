import { z } from "zod";
import { text } from "./text";
import { CLUB_CRITERIA, MAX_WEIGHT, MENTOR_CRITERIA } from "~/domain/matching/weights";

/** One pair of a round, as its checkbox sends it: "needId:volunteerId". */
export const PAIR_PATTERN = /^(\d{1,12}):(\d{1,12})$/;

export const roundSendingSchema = z.object({
  pairs: z
    .array(text().regex(PAIR_PATTERN, { error: "Proposition inconnue." }), { error: "Cochez au moins une proposition à envoyer." })
    .min(1, { error: "Cochez au moins une proposition à envoyer." })
    .max(5000, { error: "Trop de propositions à la fois." }),
});

export function parsePair(value: string): { needId: number; volunteerId: number } {
  const [, needId, volunteerId] = PAIR_PATTERN.exec(value) ?? [];
  return { needId: Number(needId), volunteerId: Number(volunteerId) };
}

const weight = z
  .number({ error: `Indiquez un poids entre 0 et ${MAX_WEIGHT}.` })
  .min(0, { error: "Un poids ne peut pas être négatif." })
  .max(MAX_WEIGHT, { error: `Indiquez au plus ${MAX_WEIGHT}.` });

/** The weights of one side; at least one must be positive, or every score would be 0/0. */
function sideSchema<K extends string>(keys: readonly K[]) {
  const shape = Object.fromEntries(keys.map((k) => [k, weight])) as Record<K, typeof weight>;
  return z.object(shape).refine((w) => (Object.values(w) as number[]).some((v) => v > 0), {
    error: "Au moins un de ces poids doit être supérieur à 0.",
  });
}

export const weightsSchema = z.object({
  mentor: sideSchema(MENTOR_CRITERIA),
  club: sideSchema(CLUB_CRITERIA),
});
export type WeightsFormValues = z.infer<typeof weightsSchema>;
