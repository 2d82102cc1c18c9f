/** The words of the legal pages: the accessibility statement, the privacy policy and the legal notices. */
export const legal = {
  accessibility: {
    metaTitle: "Déclaration d'accessibilité — Maillon",
    title: "Déclaration d'accessibilité",
    intro: (publisher: string) =>
      `${publisher} s'engage à rendre ce site accessible, conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration s'applique au site Maillon de cette installation.`,
    statusTitle: "État de conformité",
    statusBefore: "Le site est",
    statusStrong: "non conforme",
    statusAfter:
      "au référentiel général d'amélioration de l'accessibilité (RGAA) version 4.1 : aucun audit complet des 106 critères n'a encore été réalisé, et le RGAA demande de déclarer « non conforme » tant qu'il ne l'a pas été.",
    resultsTitle: "Résultats des tests",
    resultsBefore:
      "À chaque modification du site, une exploration automatique ouvre, dans un vrai navigateur, chaque page que l'on atteint depuis les menus et les liens, pour six profils (visiteur, porteur de projet, bénévole, épargnant, équipe d'animation, administration), sur un écran d'ordinateur et sur un téléphone, et la soumet au moteur axe-core (règles WCAG 2.1 niveaux A et AA). Résultat mesuré :",
    resultsStrong: "0 anomalie",
    resultsAfter:
      "sur l'ensemble des pages explorées. Les formulaires principaux sont aussi vérifiés sans JavaScript, au clavier et à la largeur d'un téléphone.",
    automaticLimits:
      "Un outil automatique ne détecte qu'une partie des défauts possibles : la pertinence des textes alternatifs, l'ordre de lecture ou la clarté des messages demandent une vérification humaine, qui reste à faire.",
    notAccessibleTitle: "Contenus non accessibles",
    maps: "Les cartes des pôles sont des images vectorielles : leur équivalent accessible est la liste des pôles par région et département, placée sous chaque carte.",
    images: "Les images envoyées par les membres dépendent du texte alternatif que leur auteur a saisi.",
    methodTitle: "Établissement de cette déclaration",
    technologies: "Technologies : HTML, CSS, SVG, JavaScript (facultatif pour les formulaires principaux).",
    environment: "Environnement de test : Chromium, en taille ordinateur et téléphone, avec et sans JavaScript.",
    tools: "Outils : axe-core (par @axe-core/playwright), Playwright.",
    feedbackTitle: "Retour d'information et contact",
    feedback: (contact: string) =>
      `Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez à ${contact} : nous vous répondrons et vous proposerons une autre façon d'y accéder.`,
    remediesTitle: "Voies de recours",
    remedies:
      "Si vous nous avez signalé un défaut qui vous empêche d'accéder à un contenu et que vous n'avez pas obtenu de réponse satisfaisante, vous pouvez écrire au Défenseur des droits (defenseurdesdroits.fr, formulaire en ligne), contacter son délégué dans votre région, ou lui écrire gratuitement : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.",
  },
  privacy: {
    metaTitle: "Politique de confidentialité — Maillon",
    title: "Politique de confidentialité",
    intro: (publisher: string, contact: string) =>
      `Responsable du traitement : ${publisher} (${contact}). Les données servent au fonctionnement du pôle sur ce site ; elles ne sont ni vendues, ni cédées, ni utilisées pour de la publicité. Le site ne dépose aucun cookie de mesure d'audience ni de publicité : seulement le cookie de session (pour rester connecté) et un cookie de message d'une page à l'autre.`,
    keptTitle: "Ce que nous gardons, pourquoi, combien de temps",
    keptCaption: "Données conservées",
    what: "Données",
    why: "Pourquoi",
    howLong: "Durée",
    kept: {
      account: {
        what: "Votre compte : adresse électronique, nom affiché, commune, empreinte du mot de passe (jamais le mot de passe lui-même), rôles",
        why: "Vous reconnaître, vous écrire, proposer des rapprochements proches de chez vous",
        howLong: "Tant que le compte existe ; effacé à sa suppression",
      },
      sessions: {
        what: "Vos connexions : date, appareil déclaré par le navigateur",
        why: "Vous garder connecté et vous laisser fermer une session à distance",
        howLong: "10 jours sans activité, 30 jours au plus",
      },
      failedSignIns: {
        what: "Les tentatives de connexion échouées et leur adresse réseau",
        why: "Protéger les comptes contre les essais de mots de passe",
        howLong: "15 minutes",
      },
      knownAddresses: {
        what: "Les adresses réseau depuis lesquelles vous vous êtes connecté",
        why: "Ne pas vous ralentir quand d'autres essaient de deviner votre mot de passe ailleurs",
        howLong: "90 jours après la dernière connexion",
      },
      activity: {
        what: "Votre profil de bénévole, vos projets, vos adhésions aux clubs, vos promesses, vos inscriptions, vos réservations",
        why: "Ce que vous avez choisi de faire sur le site (parcours Créer, Accompagner, Financer, vie du pôle)",
        howLong: "Tant que le compte existe ; à sa suppression, ce dont d'autres dépendent reste sans votre nom (« Membre parti »)",
      },
      notifications: {
        what: "Les notifications et les courriels envoyés",
        why: "Vous tenir au courant, et pouvoir vérifier ce qui a été envoyé ; les messages de sécurité sont gardés sans leur contenu",
        howLong: "Tant que le compte existe",
      },
    },
    backups: (hours: number, kept: number) =>
      `Des copies de sauvegarde de la base sont faites ${hours > 0 ? `toutes les ${hours} heures` : "régulièrement"} et les ${kept} dernières sont gardées : une donnée effacée disparaît des sauvegardes quand la dernière copie qui la contient est remplacée.`,
    publicTitle: "Ce qui est public",
    public:
      "Les pôles, les organisations membres, les projets publiés (sans le nom ni l'adresse de leur porteur), les rendez-vous publics, les ressources partagées et les besoins du territoire sont visibles de tous et publiés en données ouvertes. Aucune adresse électronique ni aucun numéro de téléphone de personne n'y figure.",
    rightsTitle: "Vos droits",
    rightsBefore: "Vous pouvez consulter et corriger vos données depuis",
    rightsAccount: "votre compte",
    rightsMiddle: ", les télécharger et supprimer votre compte depuis",
    rightsData: "Mes données",
    rightsAfter: (contact: string) =>
      `. Pour toute autre demande (opposition, limitation), écrivez à ${contact}. Vous pouvez aussi adresser une réclamation à la CNIL (cnil.fr).`,
  },
  notices: {
    metaTitle: "Mentions légales — Maillon",
    title: "Mentions légales",
    publisherTitle: "Éditeur du site",
    publisher: "Éditeur",
    address: "Adresse",
    director: "Directeur ou directrice de la publication",
    contact: "Contact",
    hostTitle: "Hébergement",
    softwareTitle: "Logiciel",
    software:
      "Le site fonctionne avec Maillon, plateforme des pôles territoriaux de coopération économique. Aucun paiement ne transite par le site : les engagements et contributions sont réglés par virement entre les personnes concernées.",
    creditsTitle: "Données et crédits",
    mapCredits: "Contours des départements et centres des communes : IGN, Admin Express COG, sous",
    licence: "Licence Ouverte 2.0",
    nafCredits: "Nomenclature d'activités française (NAF rév. 2) : Insee.",
    personalDataTitle: "Vos données personnelles",
    personalDataBefore: "Ce que le site garde, pourquoi et combien de temps : voir la",
    privacyLink: "politique de confidentialité",
    personalDataMiddle: ". L'accessibilité du site est décrite dans la",
    accessibilityLink: "déclaration d'accessibilité",
  },
};
