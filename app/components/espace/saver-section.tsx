import { CLUB_STATUS_LABELS, MEMBER_ROLE_LABELS } from "~/domain/clubs/labels";
import { FUNDING_KIND_LABELS } from "~/domain/project";
import type { SaverSpace } from "~/models/saver-space.server";
import { formatDate, formatEuros, plural } from "~/domain/format";
import { NoPaymentNotice } from "../no-payment-notice";
import { Alert } from "../ui/alert";

/** « Mon épargne solidaire » in Mon espace: my clubs, my pledges, my tontines, my donations. */
export function SaverSection({ space }: { space: SaverSpace }) {
  const invitations = space.clubs.filter((c) => c.memberStatus === "invite");
  const clubs = space.clubs.filter((c) => c.memberStatus !== "invite");
  return (
    <section aria-labelledby="mon-epargne-solidaire">
      <h2 id="mon-epargne-solidaire">Mon épargne solidaire</h2>
      {invitations.length > 0 ? (
        <Alert>
          Vous êtes invité à rejoindre{" "}
          {invitations.map((c, i) => (
            <span key={c.id}>
              {i > 0 ? ", " : null}
              <a href={`/clubs/${c.id}`}>{c.name}</a>
            </span>
          ))}
          .
        </Alert>
      ) : null}
      <h3>Mes clubs</h3>
      {clubs.length === 0 ? (
        <p>
          Vous n'êtes membre d'aucun club. <a href="/clubs">Découvrez les clubs CIGALES</a> ou créez-en un.
        </p>
      ) : (
        <ul>
          {clubs.map((c) => (
            <li key={c.id}>
              <a href={`/clubs/${c.id}`}>{c.name}</a> — {CLUB_STATUS_LABELS[c.status]}
              {c.memberStatus === "demande" ? ", demande en attente" : `, ${MEMBER_ROLE_LABELS[c.role].toLowerCase()}`}
              {c.openVotes > 0 ? (
                <>
                  {" "}
                  — <a href={`/clubs/${c.id}/projets`}>{plural(c.openVotes, "vote attend", "votes attendent")} votre voix</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h3 id="mes-soutiens">Mes soutiens directs</h3>
      {space.pledges.length === 0 ? (
        <p>Aucun soutien direct pour l'instant.</p>
      ) : (
        <ul>
          {space.pledges.map((p) => (
            <li key={p.id}>
              <a href={`/projets/${p.projectId}`}>{p.projectTitle}</a> : {formatEuros(p.amountCents)}, {FUNDING_KIND_LABELS[p.kind].toLowerCase()}, le{" "}
              {formatDate(p.createdAt)}
              {p.status === "annule" ? " (annulé)" : null}
            </li>
          ))}
        </ul>
      )}
      <h3>Mes tontines et mes dons</h3>
      <ul>
        {space.tontines.map((t) => (
          <li key={`t-${t.id}`}>
            Tontine <a href={`/tontines/${t.id}`}>{t.name}</a> : {formatEuros(t.contributionCents)} par mois
          </li>
        ))}
        {space.donations.map((d) => (
          <li key={`d-${d.id}`}>
            Don de {formatEuros(d.amountCents)} à <a href={`/cagnotte/${d.territorySlug}`}>la cagnotte du {d.territoryName}</a>, le{" "}
            {formatDate(d.createdAt)}
            {d.anonymous ? " (anonyme)" : null}
          </li>
        ))}
        {space.tontines.length + space.donations.length === 0 ? (
          <li>
            Aucun pour l'instant : voyez <a href="/tontines">les tontines</a> et la cagnotte solidaire de votre pôle.
          </li>
        ) : null}
      </ul>
      <NoPaymentNotice />
    </section>
  );
}
