import type { Messages } from "../messages";

export const vocabulary: Messages["vocabulary"] = {};
