/** The words around every e-mail's parts (app/domain/mail-content.ts). */
export const mail = {
  htmlLang: "fr-FR",
  greeting: (name: string) => `Bonjour ${name},`,
  actionLine: (label: string, url: string) => `${label} : ${url}`,
  orCopy: (url: string) => `Ou copiez cette adresse : ${url}`,
  signature: (poleName: string) => `${poleName}, sur Maillon`,
  stopThisKind: "Ne plus recevoir ce type de message",
  chooseMessages: "Choisir vos messages",
  stopThisKindLine: (url: string) => `Ne plus recevoir ce type de message : ${url}`,
  chooseMessagesLine: (url: string) => `Choisir vos messages : ${url}`,
};
