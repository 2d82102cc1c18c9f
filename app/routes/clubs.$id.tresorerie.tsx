import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ClubNav } from "~/components/club-nav";
import { NoPaymentNotice } from "~/components/no-payment-notice";
import { SelectField, TextField } from "~/components/ui/field";
import { percentOfBps } from "~/components/club-text";
import { LEDGER_DIRECTION } from "~/domain/clubs/ledger";
import { getTreasury, recordLedgerEntry } from "~/models/club-ledger.server";
import { listMembers } from "~/models/club-membership.server";
import { ledgerEntrySchema, MANUAL_LEDGER_KINDS } from "~/schemas/club";
import { loadClubAsMember } from "~/guards/club.server";
import { getDb } from "~/utils/db.server";
import { parisIsoDate } from "~/domain/paris-time";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid, replyRefused } from "~/utils/reply.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { readFormData } from "~/utils/http.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";
import { DataTable } from "~/components/ui/data-table";

export const meta: MetaFunction = ({ matches }) => [{ title: metaText(matches).clubs.treasury.metaTitle }];

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
  const t = requestText(request).t.clubs.treasury;
  const needsMember = v.kind === "cotisation" || v.kind === "retrait";
  if (needsMember && v.memberUserId === undefined) {
    return replyInvalid(submission, { fieldErrors: { memberUserId: [t.memberMissing] } });
  }
  const outcome = recordLedgerEntry(
    getDb(),
    access.club.id,
    access.auth.user.id,
    { kind: v.kind, amountCents: v.amount, memberUserId: needsMember ? (v.memberUserId ?? null) : null, occurredOn: v.occurredOn, note: v.note ?? "" },
    new Date(),
  );
  if (!outcome.ok) return replyRefused(outcome, { submission, field: "amount" });
  return redirectWithFlash(`/clubs/${access.club.id}/tresorerie`, t.recorded);
}

export default function Treasury() {
  const { club, canRecord, treasury, members, today } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(ledgerEntrySchema, {
    id: "mouvement",
    defaultValue: { kind: "cotisation", occurredOn: today },
  });
  const { totals, entries, shares } = treasury;
  const { clubs, vocabulary } = useT();
  const t = clubs.treasury;
  const format = useFormat();
  return (
    <div className="container">
      <p className="eyebrow">{t.eyebrow}</p>
      <h1>{t.title(club.name)}</h1>
      <ClubNav clubId={club.id} isMember />
      <ul className="stats">
        <li>
          <strong>{format.euros(totals.balanceCents)}</strong>
          <span>{t.available}</span>
        </li>
        <li>
          <strong>{format.euros(totals.cotisation)}</strong>
          <span>{t.savingsPaid}</span>
        </li>
        <li>
          <strong>{format.euros(totals.investissement)}</strong>
          <span>{t.invested}</span>
        </li>
        <li>
          <strong>{format.euros(totals.remboursement + totals.dividende)}</strong>
          <span>{t.income}</span>
        </li>
      </ul>
      <NoPaymentNotice />

      {canRecord ? (
        <>
          <h2 id="enregistrer">{t.record}</h2>
          <ConformForm form={form} aria-labelledby="enregistrer">
            <SelectField
              meta={fields.kind}
              label={t.kind}
              options={MANUAL_LEDGER_KINDS.map((k) => ({ value: k, label: vocabulary.ledgerKind[k] }))}
              hint={t.kindHint}
            />
            <TextField meta={fields.amount} label={t.amount} inputProps={{ inputMode: "decimal" }} />
            <SelectField
              meta={fields.memberUserId}
              label={t.member}
              options={members.map((m) => ({ value: String(m.userId), label: m.displayName }))}
              placeholder={t.noMember}
            />
            <TextField meta={fields.occurredOn} label={t.occurredOn} hint={t.occurredOnHint} />
            <TextField meta={fields.note} label={t.note} />
            <SubmitButton>{t.submit}</SubmitButton>
          </ConformForm>
        </>
      ) : (
        <p>{t.officersRecord}</p>
      )}

      <h2>{t.shares}</h2>
      {shares.length === 0 ? (
        <p>{t.noShare}</p>
      ) : (
        <DataTable caption={t.sharesCaption}>
          <thead>
            <tr>
              <th scope="col">{t.shareMember}</th>
              <th scope="col">{t.contributed}</th>
              <th scope="col">{t.share}</th>
              <th scope="col">{t.balanceShare}</th>
            </tr>
          </thead>
          <tbody>
            {shares.map((s) => (
              <tr key={s.userId}>
                <th scope="row">{s.displayName}</th>
                <td>{format.euros(s.contributedCents)}</td>
                <td>{percentOfBps(clubs, format, s.shareBps)}</td>
                <td>{format.euros(s.balanceShareCents)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}

      <h2>{t.ledger}</h2>
      <DataTable className="table table--wide" caption={t.ledgerCaption(format.euros(totals.balanceCents))}>
        <thead>
          <tr>
            <th scope="col">{t.date}</th>
            <th scope="col">{t.entry}</th>
            <th scope="col">{t.in}</th>
            <th scope="col">{t.out}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{format.date(new Date(e.occurredOn))}</td>
              <th scope="row">
                {vocabulary.ledgerKind[e.kind]}
                {e.memberName ? ` — ${e.memberName}` : null}
                {e.projectTitle && !e.note ? ` — ${e.projectTitle}` : null}
                {e.note ? ` — ${e.note}` : null}
              </th>
              <td>{LEDGER_DIRECTION[e.kind] === "in" ? format.euros(e.amountCents) : ""}</td>
              <td>{LEDGER_DIRECTION[e.kind] === "out" ? format.euros(e.amountCents) : ""}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t.totals}
            </th>
            <td>{format.euros(totals.inCents)}</td>
            <td>{format.euros(totals.outCents)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={2}>
              {t.balance}
            </th>
            <td colSpan={2}>{format.euros(totals.balanceCents)}</td>
          </tr>
        </tfoot>
      </DataTable>
    </div>
  );
}
