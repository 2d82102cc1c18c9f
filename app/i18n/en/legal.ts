import type { Messages } from "../messages";

export const legal: Messages["legal"] = {
  accessibility: {
    metaTitle: "Accessibility statement — Maillon",
    title: "Accessibility statement",
    intro: (publisher) =>
      `${publisher} is committed to making this site accessible, in accordance with article 47 of French law no. 2005-102 of 11 February 2005. This statement applies to the Maillon site of this installation.`,
    statusTitle: "Compliance status",
    statusBefore: "The site is",
    statusStrong: "not compliant",
    statusAfter:
      "with the French general accessibility improvement framework (RGAA) version 4.1: no complete audit of its 106 criteria has been carried out yet, and the RGAA requires declaring “not compliant” until it has been.",
    resultsTitle: "Test results",
    resultsBefore:
      "With every change to the site, an automatic exploration opens, in a real browser, every page reachable from the menus and links, for six profiles (visitor, project holder, volunteer mentor, saver, hub coordination team, administration), on a computer screen and on a phone, and submits it to the axe-core engine (WCAG 2.1 rules, levels A and AA). Measured result:",
    resultsStrong: "0 issues",
    resultsAfter: "across all pages explored. The main forms are also checked without JavaScript, with the keyboard and at a phone's width.",
    automaticLimits:
      "An automatic tool only detects some of the possible defects: the relevance of text alternatives, reading order or the clarity of messages need a human check, which is still to be done.",
    notAccessibleTitle: "Non-accessible content",
    maps: "The hub maps are vector images: their accessible equivalent is the list of hubs by region and department, placed under each map.",
    images: "Images uploaded by members depend on the text alternative their author entered.",
    methodTitle: "How this statement was prepared",
    technologies: "Technologies: HTML, CSS, SVG, JavaScript (optional for the main forms).",
    environment: "Test environment: Chromium, at computer and phone sizes, with and without JavaScript.",
    tools: "Tools: axe-core (through @axe-core/playwright), Playwright.",
    feedbackTitle: "Feedback and contact",
    feedback: (contact) =>
      `If you cannot access some content or a service, write to ${contact}: we will answer you and offer another way to access it.`,
    remediesTitle: "Remedies",
    remedies:
      "If you have reported a defect that prevents you from accessing some content and have not received a satisfactory answer, you can write to the Défenseur des droits (defenseurdesdroits.fr, online form), contact their delegate in your region, or write to them free of charge: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.",
  },
  privacy: {
    metaTitle: "Privacy policy — Maillon",
    title: "Privacy policy",
    intro: (publisher, contact) =>
      `Data controller: ${publisher} (${contact}). The data serves the running of the hub on this site; it is neither sold, nor transferred, nor used for advertising. The site sets no audience-measurement or advertising cookie: only the session cookie (to stay signed in) and a cookie carrying a message from one page to the next.`,
    keptTitle: "What we keep, why, and for how long",
    keptCaption: "Data kept",
    what: "Data",
    why: "Why",
    howLong: "How long",
    kept: {
      account: {
        what: "Your account: e-mail address, display name, town, password hash (never the password itself), roles",
        why: "To recognise you, write to you, suggest matches near you",
        howLong: "As long as the account exists; erased when it is deleted",
      },
      sessions: {
        what: "Your sign-ins: date, device reported by the browser",
        why: "To keep you signed in and let you close a session remotely",
        howLong: "10 days without activity, 30 days at most",
      },
      failedSignIns: {
        what: "Failed sign-in attempts and their network address",
        why: "To protect accounts against password guessing",
        howLong: "15 minutes",
      },
      knownAddresses: {
        what: "The network addresses from which you signed in",
        why: "Not to slow you down when others try to guess your password elsewhere",
        howLong: "90 days after the last sign-in",
      },
      activity: {
        what: "Your volunteer mentor profile, your projects, your club memberships, your pledges, your registrations, your bookings",
        why: "What you chose to do on the site (the Create, Mentor, Fund paths, hub life)",
        howLong: "As long as the account exists; when it is deleted, what others depend on stays without your name (“Former member”)",
      },
      notifications: {
        what: "Notifications and e-mails sent",
        why: "To keep you informed, and to be able to check what was sent; security messages are kept without their content",
        howLong: "As long as the account exists",
      },
    },
    backups: (hours, kept) =>
      `Backup copies of the database are made ${hours > 0 ? `every ${hours} hours` : "regularly"} and the last ${kept} are kept: erased data disappears from the backups when the last copy containing it is replaced.`,
    publicTitle: "What is public",
    public:
      "Hubs, member organisations, published projects (without their holder's name or address), public events, shared resources and local needs are visible to everyone and published as open data. No person's e-mail address or phone number appears in them.",
    rightsTitle: "Your rights",
    rightsBefore: "You can view and correct your data from",
    rightsAccount: "your account",
    rightsMiddle: ", download it and delete your account from",
    rightsData: "My data",
    rightsAfter: (contact) =>
      `. For any other request (objection, restriction), write to ${contact}. You can also lodge a complaint with the CNIL (cnil.fr), the French data protection authority.`,
  },
  notices: {
    metaTitle: "Legal notices — Maillon",
    title: "Legal notices",
    publisherTitle: "Site publisher",
    publisher: "Publisher",
    address: "Address",
    director: "Publication director",
    contact: "Contact",
    hostTitle: "Hosting",
    softwareTitle: "Software",
    software:
      "The site runs on Maillon, the platform of the local hubs of economic cooperation. No payment goes through the site: commitments and contributions are settled by bank transfer between the people concerned.",
    creditsTitle: "Data and credits",
    mapCredits: "Department outlines and town centres: IGN, Admin Express COG, under the",
    licence: "Licence Ouverte 2.0 (Open Licence)",
    nafCredits: "French classification of activities (NAF rev. 2): Insee.",
    personalDataTitle: "Your personal data",
    personalDataBefore: "What the site keeps, why and for how long: see the",
    privacyLink: "privacy policy",
    personalDataMiddle: ". The site's accessibility is described in the",
    accessibilityLink: "accessibility statement",
  },
};
