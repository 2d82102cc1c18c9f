import type { Messages } from "../messages";

export const legal: Messages["legal"] = {};
