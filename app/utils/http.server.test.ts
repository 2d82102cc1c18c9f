import { describe, expect, it } from "vitest";
import { parseId, readId, safeRedirectPath } from "./http.server";

describe("readId", () => {
  it("reads a positive integer written in plain digits", () => {
    expect(readId("1")).toBe(1);
    expect(readId("99999999")).toBe(99999999);
    expect(readId("999999999999")).toBe(999999999999);
  });

  it.each([null, undefined, "", "0", "-1", "1.5", "1e3", " 7", "7 ", "abc", "\0", "0x10", "1234567890123", "x".repeat(300), 12, new Blob(["1"])])(
    "refuses %j",
    (value) => {
      expect(readId(value)).toBeNull();
    },
  );
});

describe("parseId", () => {
  it("returns the id, or throws a 404 for anything readId refuses", () => {
    expect(parseId("42")).toBe(42);
    for (const value of [undefined, "", "0", "-1", "1.5", "abc", "\0"]) {
      let thrown: unknown;
      try {
        parseId(value);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, JSON.stringify(value)).toMatchObject({ init: { status: 404 } });
    }
  });
});

describe("redirect targets", () => {
  it.each([
    ["/compte", "/compte"],
    ["https://evil.example/", "/espace"],
    ["//evil.example", "/espace"],
    ["/\\evil.example", "/espace"],
    [null, "/espace"],
  ])("%s → %s", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });
});
