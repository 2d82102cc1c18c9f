import type { Messages } from "../messages";

export const auth: Messages["auth"] = {};
