import type { ReactNode } from "react";

/** What a card needs to be found and opened: a stable key, the page it links to and its title. */
export type CardLink = { key: string | number; href: string; title: ReactNode };

/**
 * A list of cards, each headed by a link to its page, or a sentence when the list is empty.
 * `ordered` keeps the order meaningful to screen readers (a ranked list of suggestions).
 */
export function CardList<T>({
  items,
  empty,
  link,
  children,
  headingLevel = 3,
  ordered = false,
  listClassName = "cards",
  cardClassName = "card",
}: {
  items: readonly T[];
  empty?: ReactNode;
  link: (item: T) => CardLink;
  children?: (item: T) => ReactNode;
  headingLevel?: 2 | 3 | 4 | 5;
  ordered?: boolean;
  listClassName?: string;
  cardClassName?: string;
}) {
  if (items.length === 0) return empty === undefined ? null : <p>{empty}</p>;
  const List = ordered ? "ol" : "ul";
  const Heading = (["h2", "h3", "h4", "h5"] as const)[headingLevel - 2]!;
  return (
    <List className={listClassName}>
      {items.map((item) => {
        const { key, href, title } = link(item);
        return (
          <li key={key} className={cardClassName}>
            <Heading>
              <a href={href}>{title}</a>
            </Heading>
            {children?.(item)}
          </li>
        );
      })}
    </List>
  );
}
