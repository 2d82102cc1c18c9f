/** The French table, the reference: one namespace per part of the interface. */
import { errors } from "./errors";
import { home } from "./home";
import { layout } from "./layout";

export const fr = { layout, errors, home };
