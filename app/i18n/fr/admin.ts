/** The words of the admin pages. */
export const admin = {};
