import { CardList } from "~/components/ui/card-list";
import { RESOURCE_KIND_LABELS, termsSummary } from "~/domain/resource-booking";
import type { ResourceKind, ResourceTerms } from "~/domain/vocabulary";

type Card = {
  id: number;
  title: string;
  kind: ResourceKind;
  description: string;
  terms: ResourceTerms;
  costCents: number | null;
  depositCents: number | null;
  pole: { slug: string; name: string };
  communeName: string | null;
  ownerName: string;
  organisation: { slug: string; name: string } | null;
};

/** Shared resources as cards: kind, place and pôle, terms, and who lends it. */
export function ResourceCards({ resources, empty, headingLevel = 3, showPole = true }: { resources: readonly Card[]; empty?: string; headingLevel?: 3 | 4; showPole?: boolean }) {
  return (
    <CardList items={resources} empty={empty} headingLevel={headingLevel} link={(r) => ({ key: r.id, href: `/ressources/${r.id}`, title: r.title })}>
      {(r) => (
        <>
          <p className="hint">
            {RESOURCE_KIND_LABELS[r.kind]}
            {r.communeName ? ` · ${r.communeName}` : ""}
            {showPole ? ` · ${r.pole.name}` : ""}
          </p>
          <p>{r.description.length > 180 ? `${r.description.slice(0, 177)}…` : r.description}</p>
          <p>
            <strong>{termsSummary(r)}</strong> — prêté par {r.organisation ? r.organisation.name : r.ownerName}
          </p>
        </>
      )}
    </CardList>
  );
}
