import type { Messages } from "../messages";

export const layout: Messages["layout"] = {
  skipLink: "Skip to content",
  metaTitle: "Cooperating to start businesses in your area — Maillon",
  metaDescription:
    "Maillon connects project holders, volunteer mentors and community savers of a local economic cooperation hub (PTCE).",
  brandLabel: "Maillon, home",
  mainNav: "Main navigation",
  paths: {
    create: "Create",
    accompany: "Mentor",
    finance: "Fund",
    poles: "Hubs",
    organisations: "Organisations",
    space: "My space",
  },
  poleLifeNav: "Life of the hubs",
  poleLife: {
    agenda: "Events",
    bulletin: "Bulletin",
    resources: "Shared resources",
    needs: "Local needs",
    impact: "Impact",
  },
  signOut: "Sign out",
  signIn: "Sign in",
  signUp: "Sign up",
  notifications: (unread: number) => (unread === 0 ? "Notifications, none unread" : `Notifications, ${unread} unread`),
  footer: {
    tagline:
      "Maillon — the platform of local economic cooperation hubs (PTCE). Alone we can do little; together, everything becomes possible.",
    noPayment:
      "No payment goes through Maillon: pledges and contributions are settled by bank transfer between the people concerned.",
    impact: "The hubs' impact in figures",
    openData: "Open data",
    openDataAfter: ": the API and the hubs' CSV packages, under the Licence Ouverte 2.0.",
    aboutNav: "About this site",
    legal: "Legal notice",
    privacy: "Privacy",
    accessibility: "Accessibility: not compliant",
    credits: "Department boundaries: IGN — Admin Express COG 2018, Licence Ouverte 2.0.",
    unknownLanguage: "Choose French or English.",
    languageNav: "Language",
    switchTo: "Lire ce site en français",
  },
};
