/**
 * A key whose plain (byte) order is French alphabetical order at the first level, for SQLite, which
 * has no French collation: accents, case and ligatures are set aside, so « Élodie » sorts with the
 * E's and « PTCE des Vals » before « PTCE Valorizons ». Ties are broken by the name itself.
 */
export function frenchSortKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/œ/gi, "oe")
    .replace(/æ/gi, "ae")
    .toLowerCase();
}
