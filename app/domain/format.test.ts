import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatsFor, formatEuros, formatFileSize, formatInteger, formatOneDecimal, formatRelativeTime, formatWholeEuros, plural } from "./format";

describe("French formats", () => {
  it("groups thousands with a narrow no-break space", () => {
    expect(formatInteger(100000)).toBe("100\u202f000");
  });

  it("writes euros from integer cents with a no-break space before the sign", () => {
    expect(formatEuros(123456)).toBe("1\u202f234,56\u00a0€");
  });

  it("rounds to whole euros for the matcher's explanations", () => {
    expect(formatWholeEuros(1_250_049)).toBe("12\u202f500\u00a0€");
    expect(formatWholeEuros(1_250_050)).toBe("12\u202f501\u00a0€");
  });

  it("keeps at most one decimal, with a comma", () => {
    expect(formatOneDecimal(4.25)).toBe("4,3");
    expect(formatOneDecimal(4)).toBe("4");
  });

  it("shows dates in Paris time, not UTC", () => {
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(formatDate(new Date("2025-12-31T23:30:00Z"))).toBe("1 janvier 2026");
    expect(formatDateTime(new Date("2026-07-14T08:00:00Z"))).toBe("14 juillet 2026 à 10:00");
  });

  it("uses the singular for 0 and 1, as French does", () => {
    expect(plural(0, "projet")).toBe("0 projet");
    expect(plural(1, "projet")).toBe("1 projet");
    expect(plural(2, "projet")).toBe("2 projets");
  });

  it("says approximately how long ago, in Paris days", () => {
    const now = new Date("2026-03-15T17:00:00Z"); // 18:00 in Paris
    expect(formatRelativeTime(new Date("2026-03-15T16:59:30Z"), now)).toBe("à l'instant");
    expect(formatRelativeTime(new Date("2026-03-15T16:59:00Z"), now)).toBe("il y a 1 minute");
    expect(formatRelativeTime(new Date("2026-03-15T16:25:00Z"), now)).toBe("il y a 35 minutes");
    expect(formatRelativeTime(new Date("2026-03-15T14:00:00Z"), now)).toBe("il y a 3 heures");
    // 00:30 in Paris is today; 23:30 the evening before is yesterday.
    expect(formatRelativeTime(new Date("2026-03-14T23:30:00Z"), now)).toBe("il y a 17 heures");
    expect(formatRelativeTime(new Date("2026-03-14T22:30:00Z"), now)).toBe("hier");
    expect(formatRelativeTime(new Date("2026-03-13T22:30:00Z"), now)).toBe("le 13 mars 2026");
  });

  it("counts yesterday by the calendar across a change of hour", () => {
    // 30 March 2026, 08:00 in Paris (summer time began on the 29th, a 23-hour day).
    const now = new Date("2026-03-30T06:00:00Z");
    expect(formatRelativeTime(new Date("2026-03-28T23:30:00Z"), now)).toBe("hier"); // 29 March, 00:30 in Paris
    expect(formatRelativeTime(new Date("2026-03-28T22:30:00Z"), now)).toBe("le 28 mars 2026");
  });
});

describe("formatFileSize", () => {
  it("says Ko under a megabyte, Mo with one decimal above", () => {
    expect(formatFileSize(800 * 1024)).toBe("800\u00a0Ko");
    expect(formatFileSize(10)).toBe("1\u00a0Ko");
    expect(formatFileSize(1.4 * 1024 * 1024)).toBe("1,4\u00a0Mo");
  });
});

describe("English formats, still in Paris time", () => {
  const en = formatsFor("en");

  it("writes euros, dates and times the British way", () => {
    expect(en.euros(123456)).toBe("€1,234.56");
    expect(en.integer(100000)).toBe("100,000");
    expect(en.date(new Date("2025-12-31T23:30:00Z"))).toBe("1 January 2026");
    expect(en.timeRange(new Date("2026-03-17T17:30:00Z"), new Date("2026-03-17T19:00:00Z"))).toBe("on Tuesday, 17 March 2026 from 18:30 to 20:00");
  });

  it("puts only 1 in the singular, and says when in English", () => {
    expect(en.plural(0, "project")).toBe("0 projects");
    expect(en.plural(1, "project")).toBe("1 project");
    const now = new Date("2026-03-17T12:00:00Z");
    expect(en.relativeTime(new Date("2026-03-17T11:55:00Z"), now)).toBe("5 minutes ago");
    expect(en.relativeTime(new Date("2026-03-16T12:00:00Z"), now)).toBe("yesterday");
    expect(en.fileSize(1_468_006)).toBe("1.4\u00a0MB");
  });
});
