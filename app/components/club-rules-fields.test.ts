import { describe, expect, it } from "vitest";
import { departmentChoices } from "./club-rules-fields";

describe("departmentChoices", () => {
  it("offers a department shared by several pôles once, naming each pôle, in the order first met", () => {
    const choices = departmentChoices([
      { name: "Sambre-Avesnois", departments: [{ code: "59", name: "Nord" }, { code: "62", name: "Pas-de-Calais" }] },
      { name: "Artois", departments: [{ code: "62", name: "Pas-de-Calais" }] },
    ]);
    expect(choices).toEqual([
      { code: "59", name: "Nord", poles: ["Sambre-Avesnois"] },
      { code: "62", name: "Pas-de-Calais", poles: ["Sambre-Avesnois", "Artois"] },
    ]);
  });
});
