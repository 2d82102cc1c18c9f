import { CardList } from "~/components/ui/card-list";
import type { Formats } from "~/domain/format";
import type { ResourceKind, ResourceTerms } from "~/domain/vocabulary";
import { useFormat, useT } from "~/i18n/context";
import type { Messages } from "~/i18n/messages";

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

/** What lending costs, in words of the page's language: « Gratuit », « Participation de 15,00 € », « Caution de 200,00 € », or both. */
export function termsText(
  t: Messages["resources"]["shared"],
  format: Formats,
  r: { terms: ResourceTerms; costCents: number | null; depositCents: number | null },
): string {
  const amount = (cents: number | null) => (cents !== null && cents > 0 ? format.euros(cents) : null);
  return t.terms(amount(r.costCents), amount(r.depositCents));
}

/** Shared resources as cards: kind, place and pôle, terms, and who lends it. */
export function ResourceCards({ resources, empty, headingLevel = 3, showPole = true }: { resources: readonly Card[]; empty?: string; headingLevel?: 3 | 4; showPole?: boolean }) {
  const { resources: t, vocabulary } = useT();
  const format = useFormat();
  return (
    <CardList items={resources} empty={empty} headingLevel={headingLevel} link={(r) => ({ key: r.id, href: `/ressources/${r.id}`, title: r.title })}>
      {(r) => (
        <>
          <p className="hint">
            {vocabulary.resourceKind[r.kind]}
            {r.communeName ? ` · ${r.communeName}` : ""}
            {showPole ? ` · ${r.pole.name}` : ""}
          </p>
          <p>{r.description.length > 180 ? `${r.description.slice(0, 177)}…` : r.description}</p>
          <p>
            <strong>{termsText(t.shared, format, r)}</strong>
            {t.cards.lentBy}
            {r.organisation ? r.organisation.name : r.ownerName}
          </p>
        </>
      )}
    </CardList>
  );
}
