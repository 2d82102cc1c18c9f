import type { Messages } from "../messages";

export const impact: Messages["impact"] = {};
