import type { Messages } from "../messages";

export const mentoring: Messages["mentoring"] = {
  offerHelp: {
    message: "Message to the project holder (optional)",
    submit: "Offer my help",
  },
  score: {
    srLabel: ": match score",
    details: "Score details",
    caption: "Score details, criterion by criterion",
    criterion: "Criterion",
    satisfied: "Met at",
    weight: "Weight",
    points: "Points",
    percent: (value: string) => `${value}%`,
  },
  skillNeed: {
    skill: "Skill sought",
    choose: "Choose",
    priority: "Priority",
    expectation: "What I expect from the mentor (optional)",
    expectationHint: "For example: review my forecast, help me set my prices.",
    hours: "Hours per month wanted",
    hoursHint: "One or two meetings a month, that is 2 to 4 hours, is usual.",
  },
  forMe: {
    metaTitle: "Projects for me — Maillon",
    eyebrow: "Mentor",
    title: "Projects for me",
    noProfileBefore: "For Maillon to suggest projects to you,",
    noProfileLink: "complete your volunteer profile",
    noProfileAfter: ": your skills, your area, your availability.",
    intro:
      "The needs of published projects, ranked by your skills, the distance and your availability. Each suggestion says why.",
    editProfile: "Edit my profile",
    paused: "Your mentoring is paused: resume it in your profile to offer your help.",
    project: "project",
    full: (projects: string, max: number, maxText: string) =>
      `You already follow ${projects} out of ${maxText} possible: Maillon suggests no other project until a place is free. You can raise this number in your profile.`,
    empty: "No need matches your profile for now. Come back soon, or widen your area.",
    priority: "priority",
    forWhat: (project: string, skill: string) => `for “${project}” in ${skill}`,
    invalid: "Invalid offer.",
    sent: "Your offer of help has been sent to the project holder.",
  },
};
