/** The words of the bulletin pages. */
export const bulletin = {};
