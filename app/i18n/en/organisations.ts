import type { Messages } from "../messages";

export const organisations: Messages["organisations"] = {};
