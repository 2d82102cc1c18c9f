/** The words of the projectEditing pages. */
export const projectEditing = {};
