/** The three paths of a pôle (create, accompany, finance), shown on the home page. */
export const PATHS = [
  {
    id: "creer",
    eyebrow: "Créer",
    title: "Créer une activité",
    href: "/creer",
    intro: "Vous voulez vous lancer près de chez vous :",
    items: [
      "vous mettre à votre compte ou vous associer pour entreprendre ;",
      "ouvrir un commerce ou un atelier artisanal ;",
      "proposer un service, lancer un produit ou une innovation.",
    ],
    outro: "Des accompagnants du réseau vous épaulent et votre projet s'enracine dans le territoire.",
  },
  {
    id: "accompagner",
    eyebrow: "Accompagner",
    title: "Accompagner un créateur",
    href: "/accompagner",
    intro: "Chef d'entreprise, salarié, retraité ou étudiant, vous avez des compétences à partager :",
    items: [
      "marketing, communication, commercial ;",
      "comptabilité, fiscalité, gestion administrative ;",
      "techniques de financement.",
    ],
    outro: "Vous choisissez combien de projets suivre, et où.",
  },
  {
    id: "financer",
    eyebrow: "Financer",
    title: "Financer des projets",
    href: "/financer",
    intro: "Votre épargne peut travailler ici :",
    items: [
      "investir dans un projet qui vous plaît ;",
      "rejoindre un club d'épargnants (CIGALES), une cagnotte ou une tontine ;",
      "donner tout de suite à la cagnotte solidaire.",
    ],
    outro: "Maillon enregistre les engagements ; l'argent passe par virement, jamais par le site.",
  },
] as const;

export function PathCards({ headingLevel = 3 }: { headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="cards">
      {PATHS.map((path) => (
        <li key={path.id} className="card">
          <p className="eyebrow">{path.eyebrow}</p>
          <Heading>{path.title}</Heading>
          <p>{path.intro}</p>
          <ul>
            {path.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
          <p>{path.outro}</p>
          <a href={path.href}>
            En savoir plus<span className="visually-hidden"> : {path.title.toLowerCase()}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
