import type { Messages } from "../messages";

export const mail: Messages["mail"] = {
  htmlLang: "en",
  greeting: (name) => `Hello ${name},`,
  actionLine: (label, url) => `${label}: ${url}`,
  orCopy: (url) => `Or copy this address: ${url}`,
  signature: (poleName) => `${poleName}, on Maillon`,
  stopThisKind: "Stop receiving this kind of message",
  chooseMessages: "Choose your messages",
  stopThisKindLine: (url) => `Stop receiving this kind of message: ${url}`,
  chooseMessagesLine: (url) => `Choose your messages: ${url}`,
};
