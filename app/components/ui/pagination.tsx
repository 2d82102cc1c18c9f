import type { PageLink } from "~/domain/pagination";
import { useFormat, useT } from "~/i18n/context";

/** Numbered pages of a list, as links that keep its filters (`search` of each page), « … » for gaps. */
export function Pagination({ pages, path, anchor = "", label }: { pages: readonly (PageLink | null)[]; path: string; anchor?: string; label: string }) {
  const t = useT().common;
  const format = useFormat();
  if (pages.length === 0) return null;
  return (
    <nav aria-label={label} className="pagination">
      <ul>
        {pages.map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p.page}>
              <a href={`${path}${p.search}${anchor}`} aria-current={p.current ? "page" : undefined}>
                <span className="visually-hidden">{t.pageWord} </span>
                {format.integer(p.page)}
              </a>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}
