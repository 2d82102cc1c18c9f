/** The words of the space pages. */
export const space = {};
