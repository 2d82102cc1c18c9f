/** The words of the account pages. */
export const account = {};
