import { describe, expect, it } from "vitest";
import { frenchSortKey } from "./french-order";

const sortedByKey = (names: string[]) => [...names].sort((a, b) => (frenchSortKey(a) < frenchSortKey(b) ? -1 : frenchSortKey(a) > frenchSortKey(b) ? 1 : 0));

describe("French order for SQLite", () => {
  it("puts accented and capital initials with their letter, as a French reader expects", () => {
    expect(sortedByKey(["Sandrine Nicolas", "Élodie Fleury", "anaïs Berger", "Zoé Petit", "Eric Dumas"])).toEqual([
      "anaïs Berger",
      "Élodie Fleury",
      "Eric Dumas",
      "Sandrine Nicolas",
      "Zoé Petit",
    ]);
  });

  it("orders pôle names word by word, not capitals first", () => {
    expect(sortedByKey(["PTCE Valorizons", "Pôle Sud Aquitaine", "PTCE des Vals de Saintonge", "Pôle de Coopération"])).toEqual([
      "Pôle de Coopération",
      "Pôle Sud Aquitaine",
      "PTCE des Vals de Saintonge",
      "PTCE Valorizons",
    ]);
  });

  it("agrees with Intl's French collation on names that differ at the first level", () => {
    const names = ["Œuvre commune", "Oasis", "Ödile", "Ofelia", "Île d'Oléron", "Ibis", "Çà et là", "Cyrille"];
    const collator = new Intl.Collator("fr", { sensitivity: "base" });
    expect(sortedByKey(names)).toEqual([...names].sort(collator.compare));
  });
});
