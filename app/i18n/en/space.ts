import type { Messages } from "../messages";

export const space: Messages["space"] = {};
