export const vocabulary = {};
