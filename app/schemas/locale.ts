import { z } from "zod";
import { LOCALES } from "~/i18n/locale";
import { text } from "./text";

/** The footer's language switch: the language chosen and the page to come back to. */
export const localeSwitchSchema = z.object({
  lang: z.enum(LOCALES, { error: "Choisissez le français ou l'anglais. / Choose French or English." }),
  back: text().max(2000).optional(),
});
