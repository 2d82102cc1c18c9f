/**
 * « de » before a proper name, as French writes it: « du PTCE des Vals », « du Pôle Sud Aquitaine »,
 * « d'Amiens Métropole », « de Transition Plurielle », « des Ateliers… », « de la Fabrique… ».
 * Names that start with a masculine noun take « du »; the others take « de », elided before a vowel.
 */
const MASCULINE_HEADS = new Set([
  "ptce", "pôle", "pole", "quai", "collectif", "réseau", "reseau", "pays", "cluster", "groupement", "comptoir",
  "centre", "club", "conseil", "territoire", "cotess", "cis", "syndicat", "parc", "pacte", "lieu", "tiers-lieu",
]);

export function ofName(name: string): string {
  const trimmed = name.trim();
  const [first = "", ...rest] = trimmed.split(/\s+/);
  const head = first.toLowerCase();
  const tail = rest.join(" ");
  if (head === "le" && tail) return `du ${tail}`;
  if (head === "les" && tail) return `des ${tail}`;
  if (head === "la" && tail) return `de la ${tail}`;
  if (/^l['’]/.test(head)) return `de l'${trimmed.slice(2)}`;
  if (MASCULINE_HEADS.has(head)) return `du ${trimmed}`;
  if (/^[aeiouyhàâäéèêëîïôöûüœ]/i.test(trimmed)) return `d'${trimmed}`;
  return `de ${trimmed}`;
}
