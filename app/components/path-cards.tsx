import { useT } from "~/i18n/context";

/** The three paths of a pôle (create, accompany, finance), shown on the home page; their words are in app/i18n. */
export const PATHS = [
  { id: "creer", text: "create", href: "/creer" },
  { id: "accompagner", text: "accompany", href: "/accompagner" },
  { id: "financer", text: "finance", href: "/financer" },
] as const;

export function PathCards({ headingLevel = 3 }: { headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const t = useT().home.paths;
  return (
    <ul className="cards">
      {PATHS.map((path) => {
        const words = t[path.text];
        return (
          <li key={path.id} className="card">
            <p className="eyebrow">{words.eyebrow}</p>
            <Heading>{words.title}</Heading>
            <p>{words.intro}</p>
            <ul>
              {words.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
            <p>{words.outro}</p>
            <a href={path.href}>
              {t.more}
              <span className="visually-hidden">{t.moreAbout(words.title)}</span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
