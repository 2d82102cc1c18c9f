import type { Messages } from "../messages";

const s = (count: number) => (count === 1 ? "" : "s");

export const animation: Messages["animation"] = {
  header: {
    noPole: "You are not on any hub's coordination team yet. Ask an administrator to add you.",
    back: "← Hub coordination",
    eyebrow: (pole) => `Hub coordination · ${pole}`,
  },
  index: {
    metaTitle: "Hub coordination — Maillon",
    otherPole: "These proposals concern projects of another hub.",
    sendingReport: (sent, sentText, skipped, skippedText) =>
      `${sentText} proposal${s(sent)} sent` +
      (skipped > 0
        ? `, ${skippedText} skipped because no longer possible since the calculation (need filled, request already under way or declined, volunteer mentor full or on a break)`
        : "") +
      ". The volunteer mentors find them in their space to answer.",
    roundTitle: "Proposed round",
    roundPairs: (count, formatted) => `${formatted} match${count === 1 ? "" : "es"} proposed, total score`,
    roundAfter: (greedy) =>
      ` (choosing need by need, from the best score to the lowest, would get ${greedy}). Each volunteer mentor receives at most as many proposals as they have places left.`,
    toSend: "Proposals to send to the volunteer mentors",
    pairFor: (skill) => ` for “${skill}” —`,
    priority: (label) => `(${label.toLowerCase()} priority)`,
    send: "Send these proposals",
    unmatched: "Needs without a proposal",
    unmatchedIntro: "No available volunteer mentor meets the conditions (skill, distance, free places) for:",
    title: "Hub coordination",
    now: "Right now",
    openNeeds: (count) => (count === 1 ? "open need" : "open needs"),
    availableVolunteers: (count) => (count === 1 ? "available volunteer mentor" : "available volunteer mentors"),
    pendingRequests: (count) => (count === 1 ? "pending request" : "pending requests"),
    organisationRequests: (count) => (count === 1 ? "organisation request to confirm" : "organisation requests to confirm"),
    projects: "The hub's projects",
    weights: "Matching weights",
    organisations: "The hub's organisations",
    governance: "The hub's governance",
    impact: "Impact indicators",
    bulletin: "Review the bulletin's articles",
    round: "Matching round",
    roundIntro:
      "Maillon looks for a volunteer mentor for every open need of the hub at once, so as to get the best total score without exceeding anyone's places. Nothing is sent until you confirm.",
    propose: "Propose a matching round",
  },
  organisations: {
    metaTitle: "The hub's organisations — Hub coordination — Maillon",
    badId: "This request does not exist: reload the page.",
    poleConfirmed: (organisation) => `${organisation} is now a member of the hub.`,
    poleDeclined: (organisation) => `The request from ${organisation} is declined.`,
    representativeConfirmed: (person, organisation) => `${person} now represents ${organisation}.`,
    representativeDeclined: (person, organisation) => `The request from ${person} to represent ${organisation} is declined.`,
    confirm: "Confirm",
    decline: "Decline",
    decideLabel: (action, what) => `${action}: ${what}`,
    title: "The hub's organisations",
    members: (count, formatted) => `${formatted} member organisation${s(count)} —`,
    directory: "see them in the directory",
    joining: "Organisations asking to join the hub",
    noRequest: "No pending request.",
    isNew: "new sign-up",
    otherPole: "already a member of another hub",
    requestedOn: (date) => `requested on ${date}`,
    representing: "People asking to represent an organisation",
    representativeRequestedOn: (date) => `Requested on ${date}`,
    personFor: (person, organisation) => `${person} for ${organisation}`,
  },
  weights: {
    metaTitle: "Matching weights — Maillon",
    reset: "The default values are back. The next suggestions and rounds take them into account.",
    saved: "The weights are saved. The next suggestions and rounds take them into account.",
    mentorHints: {
      skillLevel: "The volunteer mentor's level in the skill asked for, and the priority the project gives the need.",
      distance: "The closer the volunteer mentor lives to the project, the more the criterion counts.",
      sharedDomain: "The volunteer mentor knows the project's field of activity.",
      capacity: "The volunteer mentor still has room among the mentorships they accept.",
      trackRecord: "Mentorships carried through and ratings received from project holders.",
      recency: "The volunteer mentor's latest activity on Maillon.",
    },
    clubHints: {
      sector: "The project is in one of the sectors the club favours.",
      ticket: "The club's ticket (minimum, maximum, capped share) covers the amount still sought.",
      availableMoney: "The club has the savings available for its ticket.",
      distance: "The closer the project is to where the club meets, the more the criterion counts.",
      accompanied:
        "A volunteer mentor follows the project and has logged follow-up hours: half the criterion (a quarter without logged hours); they recommend it, with the project holder's consent: the whole criterion (a recommendation with reservations adds nothing).",
      coInvestment: "Other clubs have already committed to the project.",
    },
    byDefault: (hint, value) => `${hint} Default: ${value}.`,
    title: "Matching weights",
    titleOf: (pole) => `Matching weights — ${pole}`,
    intro:
      "Each criterion counts according to its weight: only the ratios between weights matter (a criterion of weight 4 counts twice as much as one of weight 2; 0 ignores it). These settings apply to this hub's projects and clubs only; each hub has its own.",
    own: "This hub has its own weights.",
    defaults: "This hub uses Maillon's default values for now.",
    mentorLegend: "Mentorship: volunteer mentors and projects' needs",
    clubLegend: "Funding: savers' clubs and projects",
    range: (max) => `Numbers from 0 to ${max}, at least one above 0.`,
    submit: "Save the weights",
    resetButton: "Restore the default values",
  },
};
