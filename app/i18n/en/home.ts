import type { Messages } from "../messages";

export const home: Messages["home"] = {
  title: "Cooperating to start businesses in your area",
  intro:
    "Maillon is the platform of local economic cooperation hubs (pôles territoriaux de coopération économique): social and solidarity economy organisations, companies, local authorities and training bodies who choose cooperation over competition. Here you start your business, mentor people who start theirs, and put your savings into local projects.",
  mySpace: "My space",
  join: "Join the network",
  haveAccount: "I already have an account",
  pathsTitle: "Three ways to take part",
  polesTitle: "Hubs on Maillon",
  noPole: "No hub has registered yet.",
  seeAllPoles: (count: string) => `See all ${count} hubs on the map`,
  stats: {
    holders: (n: number) => (n === 1 ? "project holder" : "project holders"),
    volunteers: (n: number) => (n === 1 ? "volunteer" : "volunteers"),
    savers: (n: number) => (n === 1 ? "saver" : "savers"),
  },
  paths: {
    more: "Find out more",
    moreAbout: (title: string) => `: ${title.toLowerCase()}`,
    roles: { porteur: "Project holder", benevole: "Volunteer mentor", epargnant: "Saver", animateur: "Hub coordination", admin: "Administration" },
    missingRole: (role: string) => `Your account does not have the “${role}” role: you can add it in`,
    myAccount: "My account",
    goToSpace: "Go to my space",
    create: {
      eyebrow: "Create",
      title: "Start a business",
      intro: "You want to get started close to home:",
      items: [
        "become self-employed or team up with partners;",
        "open a shop or a craft workshop;",
        "offer a service, launch a product or an innovation.",
      ],
      outro: "Mentors from the network back you, and your project takes root in the area.",
      signUp: "Sign up as a project holder",
    },
    accompany: {
      eyebrow: "Mentor",
      title: "Mentor a founder",
      intro: "Business owner, employee, retiree or student, you have skills to share:",
      items: ["marketing, communication, sales;", "accounting, tax, administration;", "funding techniques."],
      outro: "You choose how many projects to follow, and where.",
      signUp: "Sign up as a volunteer",
    },
    finance: {
      eyebrow: "Fund",
      title: "Fund projects",
      intro: "Your savings can work here:",
      items: [
        "invest in a project you like;",
        "join a savers' club (CIGALES), a community fund or a tontine;",
        "give straight away to the solidarity fund.",
      ],
      outro: "Maillon records pledges; money moves by bank transfer, never through the site.",
      signUp: "Sign up as a saver",
    },
  },
};
