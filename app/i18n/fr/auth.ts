/** The words of the auth pages. */
export const auth = {};
