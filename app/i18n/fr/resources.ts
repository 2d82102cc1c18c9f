/** The words of the resources pages. */
export const resources = {};
