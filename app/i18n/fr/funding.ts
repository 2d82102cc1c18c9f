/** The words of the funding pages. */
export const funding = {};
