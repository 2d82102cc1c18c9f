import type { Messages } from "../messages";

export const bulletin: Messages["bulletin"] = {};
