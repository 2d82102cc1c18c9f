/** The words of the account pages, and of the notice of a pôle's changed charter. */
export const account = {
  charterNotice: {
    changed: (pole: string, version: string) => `La charte du ${pole} a changé (version ${version}).`,
    readLink: "Lisez-la et acceptez-la",
    toStay: "pour rester pleinement membre.",
  },
};
