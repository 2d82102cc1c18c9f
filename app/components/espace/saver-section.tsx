import { useFormat, useT } from "~/i18n/context";
import type { SaverSpace } from "~/models/saver-space.server";
import { NoPaymentNotice } from "../no-payment-notice";
import { Alert } from "../ui/alert";

/** « Mon épargne solidaire » in Mon espace: my clubs, my pledges, my tontines, my donations. */
export function SaverSection({ space }: { space: SaverSpace }) {
  const invitations = space.clubs.filter((c) => c.memberStatus === "invite");
  const clubs = space.clubs.filter((c) => c.memberStatus !== "invite");
  const { space: words, vocabulary } = useT();
  const t = words.saver;
  const format = useFormat();
  return (
    <section aria-labelledby="mon-epargne-solidaire">
      <h2 id="mon-epargne-solidaire">{t.title}</h2>
      {invitations.length > 0 ? (
        <Alert>
          {t.invited}{" "}
          {invitations.map((c, i) => (
            <span key={c.id}>
              {i > 0 ? ", " : null}
              <a href={`/clubs/${c.id}`}>{c.name}</a>
            </span>
          ))}
          .
        </Alert>
      ) : null}
      <h3>{t.clubsTitle}</h3>
      {clubs.length === 0 ? (
        <p>
          {t.noClub} <a href="/clubs">{t.discoverClubs}</a> {t.orCreate}
        </p>
      ) : (
        <ul>
          {clubs.map((c) => (
            <li key={c.id}>
              <a href={`/clubs/${c.id}`}>{c.name}</a> — {vocabulary.clubStatus[c.status]}
              {c.memberStatus === "demande" ? t.requestPending : `, ${vocabulary.memberRole[c.role].toLowerCase()}`}
              {c.openVotes > 0 ? (
                <>
                  {" "}
                  — <a href={`/clubs/${c.id}/projets`}>{t.votesWaiting(format.plural(c.openVotes, t.voteOne, t.voteOther))}</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h3 id="mes-soutiens">{t.pledgesTitle}</h3>
      {space.pledges.length === 0 ? (
        <p>{t.noPledge}</p>
      ) : (
        <ul>
          {space.pledges.map((p) => (
            <li key={p.id}>
              <a href={`/projets/${p.projectId}`}>{p.projectTitle}</a>
              {t.pledge(format.euros(p.amountCents), vocabulary.fundingKind[p.kind].toLowerCase(), format.date(p.createdAt))}
              {p.status === "annule" ? t.cancelled : null}
            </li>
          ))}
        </ul>
      )}
      <h3>{t.tontinesTitle}</h3>
      <ul>
        {space.tontines.map((tontine) => (
          <li key={`t-${tontine.id}`}>
            {t.tontine} <a href={`/tontines/${tontine.id}`}>{tontine.name}</a>
            {t.perMonth(format.euros(tontine.contributionCents))}
          </li>
        ))}
        {space.donations.map((d) => (
          <li key={`d-${d.id}`}>
            {t.donation(format.euros(d.amountCents))} <a href={`/cagnotte/${d.territorySlug}`}>{t.fundOf(d.territoryName)}</a>
            {t.onDate(format.date(d.createdAt))}
            {d.anonymous ? t.anonymous : null}
          </li>
        ))}
        {space.tontines.length + space.donations.length === 0 ? (
          <li>
            {t.noneYet} <a href="/tontines">{t.tontinesLink}</a> {t.andFund}
          </li>
        ) : null}
      </ul>
      <NoPaymentNotice />
    </section>
  );
}
