import { z } from "zod";
import type { PoleFilters } from "~/domain/poles";
import { AXIS_THEMES } from "~/domain/vocabulary";
import { text } from "./text";

/** The directory's filters as the GET form sends them; a value nobody can choose is ignored. */
const poleFiltersSchema = z.object({
  region: text().regex(/^\d{2}$/).optional().catch(undefined),
  departement: text().regex(/^(?:\d{2}|2[AB]|97\d)$/).optional().catch(undefined),
  axe: z.enum(AXIS_THEMES).optional().catch(undefined),
});

/** Field names of the filter form, in the URL: /poles?region=32&departement=59&axe=alimentation. */
export const POLE_FILTER_FIELDS = { region: "region", department: "departement", theme: "axe" } as const;

export function parsePoleFilters(params: URLSearchParams): PoleFilters {
  const raw = {
    region: params.get("region") || undefined,
    departement: params.get("departement") || undefined,
    axe: params.get("axe") || undefined,
  };
  const { region, departement, axe } = poleFiltersSchema.parse(raw);
  return { region, department: departement, theme: axe };
}
