import { describe, expect, it } from "vitest";
import { ofName } from "./french-grammar";

describe("« de » before a pôle's name", () => {
  it("is « du » before a masculine head noun, PTCE and Pôle first", () => {
    expect(ofName("PTCE des Vals de Saintonge")).toBe("du PTCE des Vals de Saintonge");
    expect(ofName("Pôle Sud Aquitaine")).toBe("du Pôle Sud Aquitaine");
    expect(ofName("Quai des Initiatives Solidaires")).toBe("du Quai des Initiatives Solidaires");
    expect(ofName("COTESS Sambre-Avesnois")).toBe("du COTESS Sambre-Avesnois");
  });

  it("is elided before a vowel, and plain « de » otherwise", () => {
    expect(ofName("Amiens Métropole « Une Ville Idéale »")).toBe("d'Amiens Métropole « Une Ville Idéale »");
    expect(ofName("Eco-Pôle Alimentaire d'Audruicq")).toBe("d'Eco-Pôle Alimentaire d'Audruicq");
    expect(ofName("Transition Plurielle Montreuillois Ternois 7 Vallées")).toBe("de Transition Plurielle Montreuillois Ternois 7 Vallées");
  });

  it("contracts with an article the name starts with", () => {
    expect(ofName("Le Comptoir solidaire")).toBe("du Comptoir solidaire");
    expect(ofName("Les Ateliers du Bocage")).toBe("des Ateliers du Bocage");
    expect(ofName("La Fabrique à projets")).toBe("de la Fabrique à projets");
    expect(ofName("L'Archipel")).toBe("de l'Archipel");
  });
});
