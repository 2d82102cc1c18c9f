import type { Messages } from "../messages";

export const projectEditing: Messages["projectEditing"] = {
  form: {
    title: "Project title",
    titleHint: (max) => `${max} characters at most.`,
    pitch: "The project in one or two sentences",
    pitchHint: (max) => `This summary appears in lists (${max} characters at most).`,
    description: "Description (optional)",
    descriptionHint: (max) => `The background, the customers you aim at, where you stand (${max} characters at most).`,
    kind: "I want to…",
    stage: "Project stage",
    legalForm: "Intended legal form",
    activityDomain: "Field of activity",
    choose: "Choose",
    commune: "Project's commune",
    remoteOk: "Remote mentoring suits me",
    jobsExpected: "Expected jobs",
    jobsExpectedHint: "The number of jobs the project should create, yours included (0 if you do not know yet).",
  },
  create: {
    metaTitle: "New project — Maillon",
    eyebrow: "Create",
    title: "Describe my project",
    intro:
      "Your project stays a draft, seen only by you and your hub's coordination team, until you publish it. You will then add its needs: skills, funding.",
    submit: "Save the draft",
    saved: "Your project is saved as a draft. Add its needs, then publish it.",
  },
  edit: {
    metaTitle: (title) => `Edit “${title}” — Maillon`,
    metaTitleUnknown: "Edit a project — Maillon",
    back: "← Back to the project",
    title: "Edit the project",
    submit: "Save the changes",
    saved: "The project has been updated.",
  },
};
