/** The words of the agenda pages. */
export const agenda = {};
