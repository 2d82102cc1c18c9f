/** The words of the impact pages. */
export const impact = {};
