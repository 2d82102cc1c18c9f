/**
 * « M'associer avec d'autres »: which projects and organisations of the same territory complement
 * a project that seeks partners, and why. What A seeks is matched against what B brings (shared
 * words, folded and roughly stemmed; the skills A needs named in what B brings), the other way
 * round too, a shared sector counts a little, nearer and fresher offers count more. Every
 * explanation quotes the two phrases that matched, and the distance. Pure: `now` is passed in.
 */
import { foldForSearch } from "../catalog";
import { DAY_MS } from "../paris-time";
import { describeDistance } from "./explain";
import { approximationOf, haversineKm, type GeoPoint } from "./geo";

export type ComplementSide = {
  /** What it seeks and brings, as its people wrote it in its offer ("" without one). */
  seeks: string;
  brings: string;
  /** Its name (a project's title): matched, quoted only when nothing else matched. */
  title: string;
  /** What it is: a project's pitch, an organisation's description. It brings that too. */
  about: string;
  /** The sector's name, when known (projects). */
  domainName: string | null;
  /** Names of the skills of its open needs (projects). */
  neededSkills: readonly string[];
  communeCode: string;
  point: GeoPoint | null;
};

export type ComplementCandidate = ComplementSide & {
  kind: "project" | "organisation";
  id: number;
  name: string;
  /** Whether it wrote an offer (what it brings) or only describes itself. */
  hasOffer: boolean;
  /** When its offer (or its page) last changed. */
  updatedAt: Date;
};

export type ComplementSuggestion = {
  candidate: ComplementCandidate;
  /** 0 to 100, for ordering; the explanation says why. */
  score: number;
  distanceKm: number | null;
  distanceText: string;
  /** « Cherche : un local de transformation — ce projet apporte : un atelier partagé, à 8 km ». */
  explanation: string;
  /** The other reasons, one sentence each (« Réciproque : … », « Même secteur : … »). */
  reasons: string[];
};

/** Weights of the criteria (their sum scales the score to 100). */
export const COMPLEMENT_WEIGHTS = { seeksMatch: 4, reciprocal: 2, skill: 2, sector: 1 } as const;
/** Beyond this distance a candidate is not « of the same territory ». */
export const COMPLEMENT_RADIUS_KM = 80;
/** An offer untouched for longer weighs half as much. */
export const COMPLEMENT_FRESH_DAYS = 365;

// Words that say nothing of what is sought or brought.
// prettier-ignore
const STOP_WORDS = new Set([
  "les", "des", "une", "aux", "pour", "par", "avec", "sans", "sur", "sous", "dans", "chez", "entre", "vers", "que", "qui", "quoi",
  "dont", "nos", "vos", "leur", "leurs", "notre", "votre", "mon", "mes", "ton", "tes", "son", "ses", "cette", "ces", "cet", "est",
  "sont", "etre", "avoir", "fait", "faire", "plus", "moins", "tres", "tout", "tous", "toute", "toutes", "autre", "autres", "deux",
  "trois", "elle", "elles", "ils", "nous", "vous", "lui", "comme", "mais", "donc", "aussi", "bien", "peu", "chaque", "quelques",
  "associe", "associee", "associes", "associees", "partenaire", "partenaires", "projet", "projets", "personne", "personnes",
  "cherche", "cherchons", "cherchent", "apporte", "apportons", "besoin", "besoins", "prete", "pretes", "prets", "envie", "territoire",
  "structure", "structures", "activite", "activites", "engager", "travail", "capital", "demande", "cours",
]);

/** « locaux » → « local », « maraîchères » → « maraicher », « ateliers » → « atelier ». */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith("aux")) w = `${w.slice(0, -3)}al`;
  if (w.length > 3 && (w.endsWith("s") || w.endsWith("x"))) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

const memo = new Map<string, ReadonlySet<string>>();
const MEMO_MAX = 2000;

/** The meaningful stems of a text (remembered: the same offers and phrases are read for every page). */
export function keywords(text: string): ReadonlySet<string> {
  const known = memo.get(text);
  if (known) return known;
  const found = new Set(
    foldForSearch(text)
      .split(" ")
      .filter((w) => w.length >= 3 && !STOP_WORDS.has(w))
      .map(stem)
      .filter((w) => w.length >= 3),
  );
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(text, found);
  return found;
}

/** Two stems name the same thing: equal, or sharing their first six letters (« restaurant », « restauration »). */
function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  return a.length >= 6 && b.length >= 6 && a.slice(0, 6) === b.slice(0, 6);
}

function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  const others = [...b];
  return [...a].filter((x) => b.has(x) || others.some((y) => sameStem(x, y)));
}

/** The text cut into phrases at its punctuation: « un local, une vitrine et des clients » → two. */
export function phrases(text: string): string[] {
  return text
    .split(/[,;.:!?\n]+/)
    .map((p) => p.trim().replace(/^(et|ou|mais)\s+/i, ""))
    .filter((p) => p.length > 0);
}

/** The phrase of `text` holding the most of `words`, as written (lower-cased first letter); `fallback` when none does. */
function bestPhrase(text: string, words: readonly string[], fallback = text.trim()): string {
  let best = "";
  let bestCount = 0;
  for (const phrase of phrases(text)) {
    const k = keywords(phrase);
    const n = words.filter((w) => [...k].some((x) => sameStem(w, x))).length;
    if (n > bestCount) {
      best = phrase;
      bestCount = n;
    }
  }
  const chosen = best || fallback;
  return chosen.charAt(0).toLowerCase() + chosen.slice(1);
}

function overlapRatio(words: readonly string[], of: ReadonlySet<string>): number {
  return of.size === 0 ? 0 : Math.min(1, words.length / Math.min(of.size, 4));
}

/** The skills `seeker` needs that `candidate` names in what it brings. */
function skillsBrought(needed: readonly string[], brings: ReadonlySet<string>): string[] {
  return needed.filter((skill) => {
    const k = keywords(skill);
    return k.size > 0 && [...k].every((w) => [...brings].some((b) => sameStem(w, b)));
  });
}

function distanceOf(a: ComplementSide, b: ComplementSide): { km: number | null; text: string } {
  if (!a.point || !b.point) return { km: null, text: "distance inconnue" };
  const km = haversineKm(a.point, b.point);
  return { km, text: describeDistance(km, false, a.communeCode === b.communeCode, approximationOf(a.point, b.point)) };
}

/** How much nearness counts: 1 in the same commune, ½ at 25 km, about ¼ at 75 km. */
function nearness(km: number | null): number {
  return km === null ? 0.5 : 1 / (1 + km / 25);
}

/** How much the offer's age counts: 1 when fresh, down to ½ a year later. */
function freshness(updatedAt: Date, now: Date): number {
  const days = Math.max(0, (now.getTime() - updatedAt.getTime()) / DAY_MS);
  return 1 - 0.5 * Math.min(1, days / COMPLEMENT_FRESH_DAYS);
}

/** What a side brings, as quoted: its offer's words, then what it is (one phrase per line). */
function offered(side: ComplementSide): string {
  return [side.brings, side.about].filter((t) => t.trim() !== "").join("\n");
}

/** The same, with its name, for matching. */
function offeredWords(side: ComplementSide): ReadonlySet<string> {
  return keywords(`${offered(side)}\n${side.title}`);
}

/** Below this score a complement is too thin to suggest. */
export const COMPLEMENT_MIN_SCORE = 5;

const THIS = { project: "ce projet", organisation: "cette organisation" } as const;

/** One candidate against the seeker, or null when nothing they write meets. */
export function scoreComplement(seeker: ComplementSide, candidate: ComplementCandidate, now: Date): ComplementSuggestion | null {
  const seeks = keywords(seeker.seeks);
  const candidateBrings = offered(candidate);
  const seekerBrings = offered(seeker);
  const brings = offeredWords(candidate);
  const matched = shared(seeks, brings);
  const back = shared(keywords(candidate.seeks), offeredWords(seeker));
  const skills = skillsBrought(seeker.neededSkills, brings);
  const sector = seeker.domainName !== null && seeker.domainName === candidate.domainName;
  if (matched.length === 0 && back.length === 0 && skills.length === 0) return null;

  const { km, text: distanceText } = distanceOf(seeker, candidate);
  if (km !== null && km > COMPLEMENT_RADIUS_KM) return null;
  const w = COMPLEMENT_WEIGHTS;
  const raw =
    w.seeksMatch * overlapRatio(matched, seeks) +
    w.reciprocal * overlapRatio(back, keywords(candidate.seeks)) +
    w.skill * (seeker.neededSkills.length === 0 ? 0 : skills.length / seeker.neededSkills.length) +
    w.sector * (sector ? 1 : 0);
  const total = w.seeksMatch + w.reciprocal + w.skill + w.sector;
  const described = candidate.hasOffer ? 1 : 0.6;
  const score = Math.round((100 * raw * nearness(km) * freshness(candidate.updatedAt, now) * described) / total);

  const verb = candidate.hasOffer ? "apporte" : "propose";
  const reasons: string[] = [];
  let explanation: string;
  if (matched.length > 0) {
    explanation = `Cherche : ${bestPhrase(seeker.seeks, matched)} — ${THIS[candidate.kind]} ${verb} : ${bestPhrase(candidateBrings, matched, candidate.title)}, ${distanceText}`;
  } else if (skills.length > 0) {
    explanation = `Cherche la compétence ${skills.join(", ").toLowerCase()} — ${THIS[candidate.kind]} ${verb} : ${bestPhrase(candidateBrings, [...keywords(skills.join(" "))], candidate.title)}, ${distanceText}`;
  } else {
    explanation = `${THIS[candidate.kind] === "ce projet" ? "Ce projet" : "Cette organisation"} cherche : ${bestPhrase(candidate.seeks, back)} — que vous apportez (${bestPhrase(seekerBrings, back, seeker.title)}), ${distanceText}`;
  }
  if (matched.length > 0 && back.length > 0) {
    reasons.push(`Réciproque : ${THIS[candidate.kind]} cherche ${bestPhrase(candidate.seeks, back)}, que vous apportez.`);
  }
  if (matched.length > 0 && skills.length > 0) reasons.push(`Compétence que vous cherchez : ${skills.join(", ")}.`);
  if (sector) reasons.push(`Même secteur : ${seeker.domainName}.`);
  return { candidate, score, distanceKm: km, distanceText, explanation, reasons };
}

/** The best complements, highest score first (then nearest, then by id for a stable order). */
export function suggestComplements(
  seeker: ComplementSide,
  candidates: readonly ComplementCandidate[],
  now: Date,
  limit = 5,
): ComplementSuggestion[] {
  return candidates
    .map((c) => scoreComplement(seeker, c, now))
    .filter((s): s is ComplementSuggestion => s !== null && s.score >= COMPLEMENT_MIN_SCORE)
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
        a.candidate.kind.localeCompare(b.candidate.kind) ||
        a.candidate.id - b.candidate.id,
    )
    .slice(0, limit);
}
