/** The words of the openData pages. */
export const openData = {};
