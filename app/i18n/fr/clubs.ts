/** The words of the clubs pages. */
export const clubs = {};
