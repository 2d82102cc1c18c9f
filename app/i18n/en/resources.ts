import type { Messages } from "../messages";

export const resources: Messages["resources"] = {};
