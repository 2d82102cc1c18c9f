import { describe, expect, it } from "vitest";
import { missingStatusNote } from "./unmet-need";

describe("what the team must say when it qualifies a need", () => {
  it("asks why a need is not retained", () => {
    expect(missingStatusNote("non-retenu", "  ", 0)).toMatch(/pourquoi/);
    expect(missingStatusNote("non-retenu", "Relève de la commune.", 0)).toBeNull();
  });

  it("asks what answers a need marked answered only when nothing is linked to it", () => {
    expect(missingStatusNote("repondu", "", 0)).toMatch(/ce qui répond/);
    expect(missingStatusNote("repondu", "", 1)).toBeNull();
    expect(missingStatusNote("a-l-etude", "", 0)).toBeNull();
  });
});
