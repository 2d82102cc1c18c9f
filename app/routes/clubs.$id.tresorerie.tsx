import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ClubNav } from "~/components/club-nav";
import { NoPaymentNotice } from "~/components/no-payment-notice";
import { SelectField, TextField } from "~/components/ui/field";
import { formatPercentBps } from "~/domain/clubs/commitment";
import { LEDGER_KIND_LABELS } from "~/domain/clubs/labels";
import { LEDGER_DIRECTION } from "~/domain/clubs/ledger";
import { getTreasury, recordLedgerEntry } from "~/models/club-ledger.server";
import { listMembers } from "~/models/club-membership.server";
import { ledgerEntrySchema, MANUAL_LEDGER_KINDS } from "~/schemas/club";
import { loadClubAsMember } from "~/guards/club.server";
import { getDb } from "~/utils/db.server";
import { formatDate, formatEuros } from "~/domain/format";
import { parisIsoDate } from "~/domain/paris-time";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid, replyRefused } from "~/utils/reply.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { readFormData } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Trésorerie du club — Maillon" }];

export function loader({ request, params }: LoaderFunctionArgs) {
  const access = loadClubAsMember(authorize(request, "clubs.$id.tresorerie"), params.id);
  const db = getDb();
  return {
    club: { id: access.club.id, name: access.club.name },
    canRecord: access.can.recordLedger,
    treasury: getTreasury(db, access.club.id),
    members: listMembers(db, access.club.id)
      .filter((m) => m.status === "actif")
      .map((m) => ({ userId: m.userId, displayName: m.displayName })),
    today: parisIsoDate(new Date()),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "clubs.$id.tresorerie");
  const formData = await readFormData(request);
  const access = loadClubAsMember(authorize(request, "clubs.$id.tresorerie", formData), params.id);
  const submission = parseWithZod(formData, { schema: ledgerEntrySchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const v = submission.value;
  const needsMember = v.kind === "cotisation" || v.kind === "retrait";
  if (needsMember && v.memberUserId === undefined) {
    return replyInvalid(submission, { fieldErrors: { memberUserId: ["Indiquez le membre qui a versé ou reçu cet argent."] } });
  }
  const outcome = recordLedgerEntry(
    getDb(),
    access.club.id,
    access.auth.user.id,
    { kind: v.kind, amountCents: v.amount, memberUserId: needsMember ? (v.memberUserId ?? null) : null, occurredOn: v.occurredOn, note: v.note ?? "" },
    new Date(),
  );
  if (!outcome.ok) return replyRefused(outcome, { submission, field: "amount" });
  return redirectWithFlash(`/clubs/${access.club.id}/tresorerie`, "Mouvement enregistré.");
}

export default function Treasury() {
  const { club, canRecord, treasury, members, today } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(ledgerEntrySchema, {
    id: "mouvement",
    defaultValue: { kind: "cotisation", occurredOn: today },
  });
  const { totals, entries, shares } = treasury;
  return (
    <div className="container">
      <p className="eyebrow">Club d'épargnants CIGALES</p>
      <h1>{club.name} : trésorerie</h1>
      <ClubNav clubId={club.id} isMember />
      <ul className="stats">
        <li>
          <strong>{formatEuros(totals.balanceCents)}</strong>
          <span>disponibles pour investir</span>
        </li>
        <li>
          <strong>{formatEuros(totals.cotisation)}</strong>
          <span>d'épargne versée</span>
        </li>
        <li>
          <strong>{formatEuros(totals.investissement)}</strong>
          <span>investis</span>
        </li>
        <li>
          <strong>{formatEuros(totals.remboursement + totals.dividende)}</strong>
          <span>revenus (remboursements et dividendes)</span>
        </li>
      </ul>
      <NoPaymentNotice />

      {canRecord ? (
        <>
          <h2 id="enregistrer">Enregistrer un virement reçu ou émis</h2>
          <ConformForm form={form} aria-labelledby="enregistrer">
            <SelectField
              meta={fields.kind}
              label="Type de mouvement"
              options={MANUAL_LEDGER_KINDS.map((k) => ({ value: k, label: LEDGER_KIND_LABELS[k] }))}
              hint="Les investissements s'inscrivent d'eux-mêmes quand un vote du club est adopté."
            />
            <TextField meta={fields.amount} label="Montant (en euros)" inputProps={{ inputMode: "decimal" }} />
            <SelectField
              meta={fields.memberUserId}
              label="Membre concerné (épargne versée, retrait)"
              options={members.map((m) => ({ value: String(m.userId), label: m.displayName }))}
              placeholder="Aucun"
            />
            <TextField meta={fields.occurredOn} label="Date du virement" hint="Au format aaaa-mm-jj." />
            <TextField meta={fields.note} label="Libellé (facultatif)" />
            <SubmitButton>Enregistrer le mouvement</SubmitButton>
          </ConformForm>
        </>
      ) : (
        <p>Le trésorier et le gérant enregistrent les virements reçus et émis par le club.</p>
      )}

      <h2>Part de chaque membre</h2>
      {shares.length === 0 ? (
        <p>Aucune épargne versée pour l'instant.</p>
      ) : (
        <table className="table">
          <caption>Au prorata de l'épargne versée, nette des retraits : c'est aussi la règle d'une liquidation.</caption>
          <thead>
            <tr>
              <th scope="col">Membre</th>
              <th scope="col">Épargne versée</th>
              <th scope="col">Part</th>
              <th scope="col">Part de la caisse</th>
            </tr>
          </thead>
          <tbody>
            {shares.map((s) => (
              <tr key={s.userId}>
                <th scope="row">{s.displayName}</th>
                <td>{formatEuros(s.contributedCents)}</td>
                <td>{formatPercentBps(s.shareBps)}</td>
                <td>{formatEuros(s.balanceShareCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Grand livre</h2>
      <table className="table table--wide">
        <caption>Entrées moins sorties égalent la caisse : {formatEuros(totals.balanceCents)}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Mouvement</th>
            <th scope="col">Entrée</th>
            <th scope="col">Sortie</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{formatDate(new Date(e.occurredOn))}</td>
              <th scope="row">
                {LEDGER_KIND_LABELS[e.kind]}
                {e.memberName ? ` — ${e.memberName}` : null}
                {e.projectTitle && !e.note ? ` — ${e.projectTitle}` : null}
                {e.note ? ` — ${e.note}` : null}
              </th>
              <td>{LEDGER_DIRECTION[e.kind] === "in" ? formatEuros(e.amountCents) : ""}</td>
              <td>{LEDGER_DIRECTION[e.kind] === "out" ? formatEuros(e.amountCents) : ""}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              Totaux
            </th>
            <td>{formatEuros(totals.inCents)}</td>
            <td>{formatEuros(totals.outCents)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={2}>
              Caisse (entrées − sorties)
            </th>
            <td colSpan={2}>{formatEuros(totals.balanceCents)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
