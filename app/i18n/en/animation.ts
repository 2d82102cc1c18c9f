import type { Messages } from "../messages";

export const animation: Messages["animation"] = {};
