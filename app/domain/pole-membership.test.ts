import { describe, expect, it } from "vitest";
import {
  charterStanding,
  formatDocumentLinks,
  mayAnswerGroupRequests,
  mayEditGroup,
  nextCharterVersion,
  parseDocumentLinks,
  slugify,
} from "./pole-membership";
import type { Actor } from "./permissions";

const animator = (territoryId: number, userId = 1): Actor => ({ userId, roles: ["animateur"], staffTerritoryIds: [territoryId] });
const member = (userId: number): Actor => ({ userId, roles: ["porteur"], staffTerritoryIds: [] });

describe("charterStanding", () => {
  it("asks a visitor of a pôle with a charter to accept the version in force to join", () => {
    expect(charterStanding({ currentVersion: 2, member: false, acceptedVersion: 1 })).toEqual({ kind: "not-member", version: 2 });
  });
  it("asks a member who accepted an earlier version to accept the new one", () => {
    expect(charterStanding({ currentVersion: 3, member: true, acceptedVersion: 2 })).toEqual({ kind: "to-accept", version: 3, acceptedVersion: 2 });
  });
  it("asks a member who joined before any charter existed to accept the first one", () => {
    expect(charterStanding({ currentVersion: 1, member: true, acceptedVersion: null }).kind).toBe("to-accept");
  });
  it("leaves alone a member who accepted the version in force", () => {
    expect(charterStanding({ currentVersion: 3, member: true, acceptedVersion: 3 })).toEqual({ kind: "up-to-date", version: 3 });
  });
  it("lets people join a pôle without a charter", () => {
    expect(charterStanding({ currentVersion: null, member: false, acceptedVersion: null })).toEqual({ kind: "no-charter", member: false });
  });
  it("numbers versions from 1", () => {
    expect(nextCharterVersion(null)).toBe(1);
    expect(nextCharterVersion(4)).toBe(5);
  });
});

describe("working group rights", () => {
  const group = { territoryId: 7, coordinatorId: 42 };
  it("lets the coordinator and the pôle's animation team answer join requests", () => {
    expect(mayAnswerGroupRequests(member(42), group)).toBe(true);
    expect(mayAnswerGroupRequests(animator(7), group)).toBe(true);
  });
  it("refuses another member, the animation team of another pôle and visitors", () => {
    expect(mayAnswerGroupRequests(member(43), group)).toBe(false);
    expect(mayAnswerGroupRequests(animator(8), group)).toBe(false);
    expect(mayAnswerGroupRequests(null, group)).toBe(false);
  });
  it("keeps editing a group to the animation team, not its coordinator", () => {
    expect(mayEditGroup(animator(7), group)).toBe(true);
    expect(mayEditGroup(member(42), group)).toBe(false);
  });
});

describe("slugify", () => {
  it("folds accents, apostrophes and punctuation", () => {
    expect(slugify("Numérique responsable")).toBe("numerique-responsable");
    expect(slugify("Déchets & Alimentation")).toBe("dechets-alimentation");
    expect(slugify("L'accompagnement de projet")).toBe("l-accompagnement-de-projet");
  });
});

describe("parseDocumentLinks", () => {
  it("reads « label | address » lines and bare addresses, skipping blank lines", () => {
    expect(parseDocumentLinks("Compte rendu | https://exemple.org/cr.pdf\n\nhttps://exemple.org/dossier")).toEqual({
      ok: true,
      links: [
        { label: "Compte rendu", url: "https://exemple.org/cr.pdf" },
        { label: "https://exemple.org/dossier", url: "https://exemple.org/dossier" },
      ],
    });
  });
  it("names the first line that is not a web address", () => {
    expect(parseDocumentLinks("https://exemple.org/a\nPiège | javascript:alert(1)")).toEqual({ ok: false, line: 2 });
    expect(parseDocumentLinks("pas une adresse")).toEqual({ ok: false, line: 1 });
  });
  it("gives back the text it reads", () => {
    const text = "Compte rendu | https://exemple.org/cr.pdf\nhttps://exemple.org/dossier";
    const parsed = parseDocumentLinks(text);
    expect(parsed.ok && formatDocumentLinks(parsed.links)).toBe(text);
  });
});
