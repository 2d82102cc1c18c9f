/** The words of the legal pages. */
export const legal = {};
