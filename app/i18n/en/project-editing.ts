import type { Messages } from "../messages";

export const projectEditing: Messages["projectEditing"] = {};
