/** The words of the mentoring pages. */
export const mentoring = {};
