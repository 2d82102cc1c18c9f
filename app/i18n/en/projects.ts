import type { Messages } from "../messages";

export const projects: Messages["projects"] = {};
