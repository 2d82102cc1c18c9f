/** The error pages (the root's boundary). */
export const errors = {
  generic: "Une erreur est survenue",
  badRequest: "Requête invalide",
  notFound: "Page introuvable",
  forbidden: "Accès refusé",
  tooMany: "Trop de tentatives",
  genericText: "Nous n'avons pas pu afficher cette page. Réessayez dans un instant.",
  badRequestText: "Cette requête n'a pas pu être lue.",
  notFoundText: "Cette page n'existe pas ou a été déplacée.",
  forbiddenText: "Vous n'avez pas accès à cette page.",
  tooManyText: "Patientez quelques minutes avant de réessayer.",
  backHome: "Retour à l'accueil",
};
