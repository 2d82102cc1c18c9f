import type { Messages } from "../messages";

export const poles: Messages["poles"] = {};
