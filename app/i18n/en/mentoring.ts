import type { Messages } from "../messages";

export const mentoring: Messages["mentoring"] = {};
