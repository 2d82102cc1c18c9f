import type { Messages } from "../messages";

export const openData: Messages["openData"] = {};
