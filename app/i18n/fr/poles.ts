/** The words of the poles pages. */
export const poles = {};
