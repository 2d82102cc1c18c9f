/**
 * The register of the territory's unmet needs: what the animation team may say of a need, and the
 * trace that tells what answered it (need → projects → mentors and funding → outcome). Pure.
 */
import type { Formats } from "./format";
import { isStaffOf, type Actor } from "./permissions";
import type { ProjectStatus, UnmetNeedStatus } from "./vocabulary";

export const UNMET_NEED_STATUS_LABELS: Readonly<Record<UnmetNeedStatus, string>> = {
  ouvert: "Ouvert",
  "a-l-etude": "À l'étude",
  repondu: "Une réponse existe",
  "non-retenu": "Non retenu",
};

/** What each status tells the person who reads the need. */
export const UNMET_NEED_STATUS_HINTS: Readonly<Record<UnmetNeedStatus, string>> = {
  ouvert: "Le besoin est signalé ; l'équipe d'animation ne l'a pas encore examiné.",
  "a-l-etude": "L'équipe d'animation cherche avec les membres du pôle comment y répondre.",
  repondu: "Un projet, un groupe de travail ou une structure y répond désormais.",
  "non-retenu": "Le pôle ne s'en saisit pas ; l'équipe d'animation dit pourquoi.",
};

/** Only the pôle's animation team qualifies a need and links what answers it. */
export function mayQualifyNeed(actor: Actor | null, need: { territoryId: number }): boolean {
  return isStaffOf(actor, need.territoryId);
}

/**
 * A status needs a word from the team: why a need is not retained, or what answers it when nothing
 * linked in Maillon does. Returns the French message when the note is missing, or null.
 */
export function missingStatusNote(status: UnmetNeedStatus, note: string, linkedAnswers: number): string | null {
  if (note.trim() !== "") return null;
  if (status === "non-retenu") return "Dites pourquoi le besoin n'est pas retenu : la personne qui l'a signalé en sera informée.";
  if (status === "repondu" && linkedAnswers === 0) {
    return "Dites ce qui répond à ce besoin, ou reliez-le d'abord à un projet ou à un groupe de travail.";
  }
  return null;
}

/** What the team's decision changes, for the people told about it. */
export function statusChangeTitle(title: string, status: UnmetNeedStatus): string {
  switch (status) {
    case "ouvert":
      return `Le besoin « ${title} » est de nouveau ouvert`;
    case "a-l-etude":
      return `Le besoin « ${title} » est à l'étude`;
    case "repondu":
      return `Le besoin « ${title} » a trouvé une réponse`;
    case "non-retenu":
      return `Le besoin « ${title} » n'est pas retenu par le pôle`;
  }
}

export type TracedProject = {
  id: number;
  title: string;
  status: ProjectStatus;
  drafted: boolean;
  /** Mentorships accepted or ended for the project, and the hours their logs hold. */
  mentorCount: number;
  mentoredMinutes: number;
  /** Pledges, clubs' commitments and cagnotte allocations, in cents. */
  raisedCents: number;
  needCents: number | null;
  jobsExpected: number;
};

export type TracedGroup = { name: string; href: string };

export type TraceStep = { key: "besoin" | "reponses" | "appui" | "issue"; title: string; lines: string[] };

/** The sentences of a need's trace, in the page's language (app/i18n's `needs.trace`). */
export type TraceWords = {
  readonly steps: Readonly<Record<TraceStep["key"], string>>;
  readonly supported: (count: number, countText: string) => string;
  readonly project: (title: string, drafted: boolean) => string;
  readonly group: (name: string) => string;
  readonly nothingYet: string;
  readonly noProjectYet: string;
  readonly noMentor: string;
  readonly mentors: (count: number, countText: string, hours: string) => string;
  readonly noFunding: string;
  readonly raised: (amount: string) => string;
  readonly status: (status: UnmetNeedStatus) => string;
  readonly outcome: { readonly draft: string; readonly draftedDraft: string; readonly closed: string; readonly published: string };
  readonly projectLine: (title: string, outcome: string, jobs: number, jobsText: string) => string;
};

function projectOutcome(words: TraceWords["outcome"], p: TracedProject): string {
  if (p.status === "brouillon") return p.drafted ? words.draftedDraft : words.draft;
  if (p.status === "clos") return words.closed;
  return words.published;
}

/**
 * The four steps a need's page shows, in the order a pôle tells them: the need, what answers it, the
 * support those answers received (mentors, money), and where things stand.
 */
export function needTrace(
  input: {
    status: UnmetNeedStatus;
    statusNote: string;
    supportCount: number;
    projects: readonly TracedProject[];
    groups: readonly TracedGroup[];
  },
  words: TraceWords,
  format: Pick<Formats, "integer" | "oneDecimal" | "euros">,
): TraceStep[] {
  const { projects, groups } = input;
  const answers = [...projects.map((p) => words.project(p.title, p.drafted)), ...groups.map((g) => words.group(g.name))];
  const mentors = projects.reduce((n, p) => n + p.mentorCount, 0);
  const minutes = projects.reduce((n, p) => n + p.mentoredMinutes, 0);
  const raised = projects.reduce((n, p) => n + p.raisedCents, 0);
  const support: string[] = [];
  if (projects.length > 0) {
    support.push(mentors === 0 ? words.noMentor : words.mentors(mentors, format.integer(mentors), format.oneDecimal(minutes / 60)));
    support.push(raised === 0 ? words.noFunding : words.raised(format.euros(raised)));
  }
  const outcome = [words.status(input.status)];
  if (input.statusNote.trim()) outcome.push(input.statusNote.trim());
  for (const p of projects) outcome.push(words.projectLine(p.title, projectOutcome(words.outcome, p), p.jobsExpected, format.integer(p.jobsExpected)));
  return [
    { key: "besoin", title: words.steps.besoin, lines: [words.supported(input.supportCount, format.integer(input.supportCount))] },
    { key: "reponses", title: words.steps.reponses, lines: answers.length ? answers : [words.nothingYet] },
    { key: "appui", title: words.steps.appui, lines: support.length ? support : [words.noProjectYet] },
    { key: "issue", title: words.steps.issue, lines: outcome },
  ];
}
