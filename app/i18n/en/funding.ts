import type { Messages } from "../messages";

export const funding: Messages["funding"] = {};
