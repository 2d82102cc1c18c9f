/** The words of the organisations pages. */
export const organisations = {};
