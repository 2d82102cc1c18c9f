/** The words of the needs pages. */
export const needs = {};
