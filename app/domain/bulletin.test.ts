import { describe, expect, it } from "vitest";
import { mayEditArticle, mayReadArticle, pageNumber, reviewedStatus } from "./bulletin";

const author = { userId: 7, roles: ["benevole" as const], staffTerritoryIds: [] };
const team = { userId: 9, roles: ["animateur" as const], staffTerritoryIds: [1] };
const otherTeam = { userId: 10, roles: ["animateur" as const], staffTerritoryIds: [2] };

describe("who reads an article", () => {
  it("shows a published article to everyone, visitors included", () => {
    expect(mayReadArticle(null, { status: "publie", authorId: 7, territoryId: 1 })).toBe(true);
  });
  it("shows an article waiting for review only to its author and its pôle's team", () => {
    const article = { status: "soumis" as const, authorId: 7, territoryId: 1 };
    expect(mayReadArticle(null, article)).toBe(false);
    expect(mayReadArticle(author, article)).toBe(true);
    expect(mayReadArticle(team, article)).toBe(true);
    expect(mayReadArticle(otherTeam, article)).toBe(false);
  });
});

describe("who edits an article", () => {
  it("lets its author edit it while waiting or sent back, never once published or refused", () => {
    expect(mayEditArticle(author, { status: "a-revoir", authorId: 7, territoryId: 1 })).toBe(true);
    expect(mayEditArticle(author, { status: "soumis", authorId: 7, territoryId: 1 })).toBe(true);
    expect(mayEditArticle(author, { status: "publie", authorId: 7, territoryId: 1 })).toBe(false);
    expect(mayEditArticle(author, { status: "refuse", authorId: 7, territoryId: 1 })).toBe(false);
    expect(mayEditArticle(team, { status: "a-revoir", authorId: 7, territoryId: 1 })).toBe(false);
  });
});

describe("a review", () => {
  it("moves an article waiting for the team to the decision's status, and nothing else", () => {
    expect(reviewedStatus("soumis", "publish")).toBe("publie");
    expect(reviewedStatus("soumis", "request-changes")).toBe("a-revoir");
    expect(reviewedStatus("soumis", "refuse")).toBe("refuse");
    expect(reviewedStatus("a-revoir", "publish")).toBeNull();
    expect(reviewedStatus("publie", "refuse")).toBeNull();
  });
});

describe("paging", () => {
  it("reads ?page within the pages there are", () => {
    expect(pageNumber(null, 25)).toEqual({ page: 1, pages: 3 });
    expect(pageNumber("2", 25)).toEqual({ page: 2, pages: 3 });
    expect(pageNumber("99", 25)).toEqual({ page: 3, pages: 3 });
    expect(pageNumber("-1", 25)).toEqual({ page: 1, pages: 3 });
    expect(pageNumber("abc", 0)).toEqual({ page: 1, pages: 1 });
  });
});
