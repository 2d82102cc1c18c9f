/** The frame of every page: header, menus, footer, the language switch. */
export const layout = {
  skipLink: "Aller au contenu",
  metaTitle: "Coopérer pour entreprendre sur son territoire — Maillon",
  metaDescription:
    "Maillon relie porteurs de projets, bénévoles accompagnants et épargnants solidaires d'un pôle territorial de coopération économique.",
  brandLabel: "Maillon, accueil",
  mainNav: "Navigation principale",
  paths: {
    create: "Créer",
    accompany: "Accompagner",
    finance: "Financer",
    poles: "Les pôles",
    organisations: "Organisations",
    space: "Mon espace",
  },
  poleLifeNav: "Vie des pôles",
  poleLife: {
    agenda: "Agenda",
    bulletin: "Bulletin",
    resources: "Ressources partagées",
    needs: "Besoins du territoire",
    impact: "Impact",
  },
  signOut: "Se déconnecter",
  signIn: "Se connecter",
  signUp: "S'inscrire",
  notifications: (unread: number) =>
    unread === 0 ? "Notifications, aucune non lue" : `Notifications, ${unread} non lue${unread > 1 ? "s" : ""}`,
  footer: {
    tagline:
      "Maillon — plateforme des pôles territoriaux de coopération économique. Seul on ne peut pas grand-chose ; ensemble, tout devient possible.",
    noPayment:
      "Aucun paiement ne transite par Maillon : les engagements et contributions sont réglés par virement entre les personnes concernées.",
    impact: "L'impact des pôles en chiffres",
    openData: "Données ouvertes",
    openDataAfter: " : l'API et les paquets CSV des pôles, sous Licence Ouverte 2.0.",
    aboutNav: "À propos du site",
    legal: "Mentions légales",
    privacy: "Confidentialité",
    accessibility: "Accessibilité : non conforme",
    credits: "Contours des départements : IGN — Admin Express COG 2018, Licence Ouverte 2.0.",
    unknownLanguage: "Choisissez le français ou l'anglais.",
    languageNav: "Langue",
    switchTo: "Read this site in English",
  },
};
