import type { Messages } from "../messages";

export const agenda: Messages["agenda"] = {};
