import { isEssKind } from "~/domain/organisation";
import { ORGANISATION_KINDS, type OrganisationKind } from "~/domain/vocabulary";
import { useFormat, useT } from "~/i18n/context";

export type PoleOrganisationItem = { slug: string; name: string; kind: OrganisationKind; communeName: string };

/**
 * The pôle page's « Organisations membres »: its confirmed member organisations grouped by kind
 * (ESS structures first, in the vocabulary's order), each a link to its page, and the way to the directory.
 */
export function PoleOrganisations({ organisations, poleSlug, headingLevel = 3 }: { organisations: readonly PoleOrganisationItem[]; poleSlug: string; headingLevel?: 3 | 4 }) {
  const { poles, vocabulary } = useT();
  const t = poles.organisations;
  const format = useFormat();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const groups = ORGANISATION_KINDS.map((kind) => ({ kind, items: organisations.filter((o) => o.kind === kind) })).filter((g) => g.items.length > 0);
  const ess = organisations.filter((o) => isEssKind(o.kind)).length;
  const directory = `/organisations?${new URLSearchParams({ pole: poleSlug })}`;
  return (
    <>
      {organisations.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <>
          <p>{t.count(organisations.length, format.integer(organisations.length), ess, format.integer(ess))}</p>
          {groups.map((g) => (
            <div key={g.kind}>
              <Heading>{vocabulary.organisationKindPlural[g.kind]}</Heading>
              <ul>
                {g.items.map((o) => (
                  <li key={o.slug}>
                    <a href={`/organisations/${o.slug}`}>{o.name}</a> <span className="hint">({o.communeName})</span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
      <p>
        <a href={directory}>{t.directory}</a> · <a href="/organisations/nouvelle">{t.register}</a>
      </p>
    </>
  );
}
