import type { Messages } from "../messages";

export const clubs: Messages["clubs"] = {};
