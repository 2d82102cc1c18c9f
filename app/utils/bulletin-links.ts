/** The feeds of a pôle's bulletin, as `<link rel="alternate">` entries of a page's meta. */
export function feedLinks(pole: { slug: string; name: string }) {
  return [
    { tagName: "link", rel: "alternate", type: "application/rss+xml", title: `Bulletin du ${pole.name} (RSS)`, href: `/poles/${pole.slug}/bulletin.rss` },
    { tagName: "link", rel: "alternate", type: "application/atom+xml", title: `Bulletin du ${pole.name} (Atom)`, href: `/poles/${pole.slug}/bulletin.atom` },
  ] as const;
}
