import type { Messages } from "../messages";

export const admin: Messages["admin"] = {};
