import { fr } from "~/i18n/fr";

type FeedTitle = (pole: string, format: string) => string;

/** The feeds of a pôle's bulletin, as `<link rel="alternate">` entries of a page's meta; titled in French unless told. */
export function feedLinks(pole: { slug: string; name: string }, title: FeedTitle = fr.bulletin.feedTitle) {
  return [
    { tagName: "link", rel: "alternate", type: "application/rss+xml", title: title(pole.name, "RSS"), href: `/poles/${pole.slug}/bulletin.rss` },
    { tagName: "link", rel: "alternate", type: "application/atom+xml", title: title(pole.name, "Atom"), href: `/poles/${pole.slug}/bulletin.atom` },
  ] as const;
}
