import { plural } from "~/domain/format";
import { isEssKind, ORGANISATION_KIND_PLURALS } from "~/domain/organisation";
import { ORGANISATION_KINDS, type OrganisationKind } from "~/domain/vocabulary";

export type PoleOrganisationItem = { slug: string; name: string; kind: OrganisationKind; communeName: string };

/**
 * The pôle page's « Organisations membres »: its confirmed member organisations grouped by kind
 * (ESS structures first, in the vocabulary's order), each a link to its page, and the way to the directory.
 */
export function PoleOrganisations({ organisations, poleSlug, headingLevel = 3 }: { organisations: readonly PoleOrganisationItem[]; poleSlug: string; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const groups = ORGANISATION_KINDS.map((kind) => ({ kind, items: organisations.filter((o) => o.kind === kind) })).filter((g) => g.items.length > 0);
  const ess = organisations.filter((o) => isEssKind(o.kind)).length;
  const directory = `/organisations?${new URLSearchParams({ pole: poleSlug })}`;
  return (
    <>
      {organisations.length === 0 ? (
        <p>Aucune organisation membre n'est encore inscrite.</p>
      ) : (
        <>
          <p>
            {plural(organisations.length, "organisation membre", "organisations membres")}, dont{" "}
            {plural(ess, "structure de l'économie sociale et solidaire", "structures de l'économie sociale et solidaire")}.
          </p>
          {groups.map((g) => (
            <div key={g.kind}>
              <Heading>{ORGANISATION_KIND_PLURALS[g.kind]}</Heading>
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
        <a href={directory}>Les organisations du pôle dans l'annuaire</a> · <a href="/organisations/nouvelle">Inscrire une organisation</a>
      </p>
    </>
  );
}
