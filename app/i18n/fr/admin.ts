/** The words of the admin pages: the platform's e-mail queue. */
const s = (count: number) => (count > 1 ? "s" : "");

export const admin = {
  mails: {
    metaTitle: "Courriels de la plateforme — Maillon",
    unknown: "Courriel inconnu.",
    notFailed: "Ce courriel n'est pas (ou plus) en échec : il n'y a rien à renvoyer.",
    requeued: "Le courriel est remis dans la file : il part dans un instant.",
    to: (address: string) => `À ${address} · créé le `,
    eyebrow: "Administration",
    title: "Courriels de la plateforme",
    intro: (attempts: string) =>
      `Chaque courriel part d'une file : il est réessayé plusieurs fois en cas d'erreur, puis marqué en échec après ${attempts} tentatives. Corrigez la cause (réglages SMTP, adresse) avant de le renvoyer.`,
    caption: "La file en chiffres",
    status: "État",
    mails: "Courriels",
    failed: (formatted: string) => `En échec (${formatted})`,
    noneFailed: "Aucun courriel en échec.",
    attempts: (count: number, formatted: string) => `${formatted} tentative${s(count)}`,
    lastError: (error: string) => `Dernière erreur : ${error}`,
    unknownError: "inconnue",
    retry: "Renvoyer",
    retryWhat: (subject: string, address: string) => ` « ${subject} » à ${address}`,
    waiting: (formatted: string) => `En attente d'envoi (${formatted})`,
    noneWaiting: "Aucun courriel en attente : la file est vide.",
    attemptsWithError: (attempts: string, error: string) => ` · ${attempts} (dernière erreur : ${error})`,
  },
};
