/** The English table: the same namespaces and keys as the French one. */
import type { Messages } from "../messages";
import { errors } from "./errors";
import { home } from "./home";
import { layout } from "./layout";

export const en: Messages = { layout, errors, home };
