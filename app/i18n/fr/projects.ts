/** The words of the projects pages. */
export const projects = {};
