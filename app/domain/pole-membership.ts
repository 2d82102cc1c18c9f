/**
 * Joining a pôle and its working groups. A person joins a pôle by accepting the version of its
 * charter in force; when the animation team publishes a new version, each member is asked to
 * accept it at their next visit. A working group's join requests are answered by its coordinator
 * or by the pôle's animation team.
 */
import { isStaffOf, type Actor } from "./permissions";

/** Where a person stands with a pôle's charter. */
export type CharterStanding =
  /** The pôle has no charter yet: joining needs none. */
  | { kind: "no-charter"; member: boolean }
  /** Not a member: joining means accepting `version`. */
  | { kind: "not-member"; version: number }
  /** A member who accepted an earlier version (or none): asked to accept `version`. */
  | { kind: "to-accept"; version: number; acceptedVersion: number | null }
  | { kind: "up-to-date"; version: number };

export function charterStanding(input: {
  currentVersion: number | null;
  member: boolean;
  /** The highest version of this pôle's charter the person accepted. */
  acceptedVersion: number | null;
}): CharterStanding {
  const { currentVersion, member, acceptedVersion } = input;
  if (currentVersion === null) return { kind: "no-charter", member };
  if (!member) return { kind: "not-member", version: currentVersion };
  if (acceptedVersion === null || acceptedVersion < currentVersion) {
    return { kind: "to-accept", version: currentVersion, acceptedVersion };
  }
  return { kind: "up-to-date", version: currentVersion };
}

/** The next version number of a charter whose latest is `latest` (null: none yet). */
export function nextCharterVersion(latest: number | null): number {
  return (latest ?? 0) + 1;
}

/** The coordinator of the group, or the animation team of its pôle. */
export function mayAnswerGroupRequests(actor: Actor | null, group: { territoryId: number; coordinatorId: number | null }): boolean {
  if (!actor) return false;
  return isStaffOf(actor, group.territoryId) || (group.coordinatorId !== null && group.coordinatorId === actor.userId);
}

/** Only the pôle's animation team creates groups, names coordinators and edits a group's page. */
export function mayEditGroup(actor: Actor | null, group: { territoryId: number }): boolean {
  return isStaffOf(actor, group.territoryId);
}

/** A slug for a group's address: « Numérique responsable » → `numerique-responsable`. */
export function slugify(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "-")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
}

/**
 * Document links typed one per line as « Libellé | https://… » (or a bare address). Returns the
 * links, or the first line that is not one, for a French message at the field.
 */
export function parseDocumentLinks(text: string): { ok: true; links: { label: string; url: string }[] } | { ok: false; line: number } {
  const links: { label: string; url: string }[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === "") continue;
    const bar = line.lastIndexOf("|");
    const label = bar >= 0 ? line.slice(0, bar).trim() : "";
    const url = (bar >= 0 ? line.slice(bar + 1) : line).trim();
    if (!isWebAddress(url)) return { ok: false, line: index + 1 };
    links.push({ label: label || url, url });
  }
  return { ok: true, links };
}

/** http(s) only: a `javascript:` or `data:` link is never a document. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

/** The textarea's text for links already saved. */
export function formatDocumentLinks(links: readonly { label: string; url: string }[]): string {
  return links.map((l) => (l.label && l.label !== l.url ? `${l.label} | ${l.url}` : l.url)).join("\n");
}
