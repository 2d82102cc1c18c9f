import type { Messages } from "../messages";

export const account: Messages["account"] = {
  charterNotice: {
    changed: (pole: string, version: string) => `The charter of ${pole} has changed (version ${version}).`,
    readLink: "Read and accept it",
    toStay: "to remain a full member.",
  },
};
