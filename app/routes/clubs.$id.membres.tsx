import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ClubNav } from "~/components/club-nav";
import { NoPaymentNotice } from "~/components/no-payment-notice";
import { Alert } from "~/components/ui/alert";
import { optionsFrom, SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { MEMBER_ROLE_LABELS, MEMBER_STATUS_LABELS } from "~/domain/clubs/labels";
import { MAX_ACTIVE_MEMBERS, MIN_ACTIVE_MEMBERS } from "~/domain/clubs/lifecycle";
import { listDeals } from "~/models/club-deal.server";
import { addMeeting, listMeetings } from "~/models/club-meeting.server";
import {
  decideRequest,
  inviteMember,
  leaveClub,
  listMembers,
  setMonthlySavings,
  setOfficer,
} from "~/models/club-membership.server";
import { inviteSchema, meetingSchema, officerSchema, savingsSchema } from "~/schemas/club";
import { centsToInput } from "~/schemas/money";
import { loadClubAsMember } from "~/guards/club.server";
import { readFormData, readId } from "~/utils/http.server";
import { getDb } from "~/utils/db.server";
import { formatDateTime, formatEuros } from "~/domain/format";
import { parisDateTime, parisIsoDate } from "~/domain/paris-time";
import { redirectWithFlash } from "~/utils/flash.server";
import { useFormReply } from "~/utils/reply";
import { replyInvalid, replyRefused, UNKNOWN_INTENT } from "~/utils/reply.server";
import { authorize, signInFirst } from "~/guards/authorize.server";

export const meta: MetaFunction = () => [{ title: "Membres du club — Maillon" }];

const DONE = {
  invite: "Invitation enregistrée : la personne la verra sur la page du club et dans son espace.",
  accepte: "Demande acceptée : bienvenue au nouveau membre.",
  refuse: "Demande refusée.",
  fonction: "Fonction enregistrée.",
  epargne: "Votre épargne mensuelle est enregistrée.",
  reunion: "Réunion ajoutée.",
  parti: "Vous avez quitté le club. Votre part de l'épargne reste inscrite dans sa trésorerie.",
};

export function loader({ request, params }: LoaderFunctionArgs) {
  const access = loadClubAsMember(authorize(request, "clubs.$id.membres"), params.id);
  const db = getDb();
  const members = listMembers(db, access.club.id);
  return {
    club: { id: access.club.id, name: access.club.name, status: access.club.status },
    me: {
      userId: access.auth.user.id,
      role: access.member.role,
      monthlySavings: centsToInput(access.member.monthlySavingsCents || null),
    },
    can: access.can,
    members,
    meetings: listMeetings(db, access.club.id),
    projects: listDeals(db, access.club.id).map((d) => ({ id: d.projectId, title: d.projectTitle })),
    today: parisIsoDate(new Date()),
  };
}


export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "clubs.$id.membres");
  const formData = await readFormData(request);
  const access = loadClubAsMember(authorize(request, "clubs.$id.membres", formData), params.id);
  const db = getDb();
  const clubId = access.club.id;
  const intent = String(formData.get("intent") ?? "");
  const now = new Date();
  const done = (what: keyof typeof DONE) => redirectWithFlash(`/clubs/${clubId}/membres`, DONE[what]);

  if (intent === "invite") {
    const submission = parseWithZod(formData, { schema: inviteSchema });
    if (submission.status !== "success") return replyInvalid(submission, { formId: intent });
    const outcome = inviteMember(db, clubId, access.auth.userId, submission.value.email, now);
    if (!outcome.ok) return replyRefused(outcome, { submission, formId: intent, field: "email" });
    return done("invite");
  }
  if (intent === "accept-request" || intent === "decline-request") {
    const userId = readId(formData.get("userId"));
    if (userId === null) return replyRefused({ status: 400, message: "Membre inconnu." });
    const outcome = decideRequest(db, clubId, access.auth.userId, userId, intent === "accept-request", now);
    if (!outcome.ok) return replyRefused(outcome);
    return done(intent === "accept-request" ? "accepte" : "refuse");
  }
  if (intent === "set-officer") {
    const submission = parseWithZod(formData, { schema: officerSchema });
    if (submission.status !== "success") return replyInvalid(submission, { formId: intent });
    const outcome = setOfficer(db, clubId, access.auth.userId, submission.value.userId, submission.value.role);
    if (!outcome.ok) return replyRefused(outcome, { submission, formId: intent, field: "userId" });
    return done("fonction");
  }
  if (intent === "set-savings") {
    const submission = parseWithZod(formData, { schema: savingsSchema });
    if (submission.status !== "success") return replyInvalid(submission, { formId: intent });
    const outcome = setMonthlySavings(db, clubId, access.auth.user.id, submission.value.monthlySavings);
    if (!outcome.ok) return replyRefused(outcome, { submission, formId: intent, field: "monthlySavings" });
    return done("epargne");
  }
  if (intent === "leave") {
    const outcome = leaveClub(db, clubId, access.auth.user.id, now);
    if (!outcome.ok) return replyRefused(outcome);
    return redirectWithFlash(`/clubs/${clubId}`, DONE.parti);
  }
  if (intent === "add-meeting") {
    const submission = parseWithZod(formData, { schema: meetingSchema });
    if (submission.status !== "success") return replyInvalid(submission, { formId: intent });
    const v = submission.value;
    const outcome = addMeeting(
      db,
      clubId,
      access.auth.user.id,
      { startsAt: parisDateTime(v.date, v.time), place: v.place, agenda: v.agenda ?? "", projectId: v.projectId ?? null },
      now,
    );
    if (!outcome.ok) return replyRefused(outcome, { submission, formId: intent, field: "date" });
    return done("reunion");
  }
  return replyRefused(UNKNOWN_INTENT);
}


export default function ClubMembers() {
  const { club, me, can, members, meetings, projects, today } = useLoaderData<typeof loader>();
  const { message } = useFormReply();
  const [inviteForm, inviteFields] = useSchemaForm(inviteSchema, { id: "invite", reply: "invite" });
  const [officerForm, officerFields] = useSchemaForm(officerSchema, { id: "set-officer", reply: "set-officer" });
  const [savingsForm, savingsFields] = useSchemaForm(savingsSchema, {
    id: "set-savings",
    defaultValue: { monthlySavings: me.monthlySavings },
    reply: "set-savings",
  });
  const [meetingForm, meetingFields] = useSchemaForm(meetingSchema, {
    id: "add-meeting",
    defaultValue: { date: today, time: "18:30" },
    reply: "add-meeting",
  });
  const active = members.filter((m) => m.status === "actif");
  const pending = members.filter((m) => m.status === "demande");
  const invited = members.filter((m) => m.status === "invite");

  return (
    <div className="container">
      <p className="eyebrow">Club d'épargnants CIGALES</p>
      <h1>{club.name} : membres et réunions</h1>
      <ClubNav clubId={club.id} isMember />
      {message ? <Alert tone="error">{message}</Alert> : null}

      <table className="table">
        <caption>
          {active.length} membres actifs sur {MAX_ACTIVE_MEMBERS} au plus
        </caption>
        <thead>
          <tr>
            <th scope="col">Membre</th>
            <th scope="col">Fonction</th>
            <th scope="col">Épargne mensuelle déclarée</th>
          </tr>
        </thead>
        <tbody>
          {active.map((m) => (
            <tr key={m.userId}>
              <th scope="row">{m.displayName}</th>
              <td>{MEMBER_ROLE_LABELS[m.role]}</td>
              <td>{m.monthlySavingsCents > 0 ? formatEuros(m.monthlySavingsCents) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <NoPaymentNotice />

      <h2 id="mon-epargne">Mon épargne mensuelle</h2>
      <ConformForm form={savingsForm} intent="set-savings" aria-labelledby="mon-epargne">
        <TextField
          meta={savingsFields.monthlySavings}
          label="Montant que je verse chaque mois (en euros)"
          hint="De 8 € à 450 € dans la plupart des clubs ; la moyenne est de 25 € à 30 €. Vous le versez par virement au compte du club."
          inputProps={{ inputMode: "decimal" }}
        />
        <SubmitButton>Enregistrer mon épargne</SubmitButton>
      </ConformForm>

      {can.manageMembers ? (
        <>
          <h2 id="inviter-titre">Inviter un épargnant</h2>
          <ConformForm form={inviteForm} intent="invite" aria-labelledby="inviter-titre">
            <TextField meta={inviteFields.email} label="Adresse e-mail de son compte Maillon" type="email" autoComplete="off" />
            <SubmitButton>Inviter</SubmitButton>
          </ConformForm>

          <h2>Demandes pour rejoindre le club</h2>
          {pending.length === 0 ? (
            <p>Aucune demande en attente.</p>
          ) : (
            <ul className="plain-list">
              {pending.map((m) => (
                <li key={m.userId} className="actions">
                  <span>{m.displayName}</span>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="userId" value={m.userId} />
                    <button type="submit" name="intent" value="accept-request" className="button">
                      Accepter<span className="visually-hidden"> {m.displayName}</span>
                    </button>
                  </Form>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="userId" value={m.userId} />
                    <button type="submit" name="intent" value="decline-request" className="button button--ghost">
                      Refuser<span className="visually-hidden"> {m.displayName}</span>
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
          {invited.length > 0 ? (
            <p>
              {MEMBER_STATUS_LABELS.invite}s, en attente de réponse : {invited.map((m) => m.displayName).join(", ")}.
            </p>
          ) : null}

          <h2 id="fonctions">Responsables du club</h2>
          <p>Un gérant (nommé pour un an, renouvelable), un trésorier et un secrétaire, choisis parmi les membres actifs.</p>
          <ConformForm form={officerForm} intent="set-officer" aria-labelledby="fonctions">
            <SelectField
              meta={officerFields.userId}
              label="Membre"
              options={active.map((m) => ({ value: String(m.userId), label: m.displayName }))}
              placeholder="Choisir"
            />
            <SelectField meta={officerFields.role} label="Fonction" options={optionsFrom(MEMBER_ROLE_LABELS)} placeholder="Choisir" />
            <SubmitButton>Nommer</SubmitButton>
          </ConformForm>
        </>
      ) : null}

      <h2 id="quitter">Quitter le club</h2>
      <p>
        Votre part de l'épargne reste inscrite dans la trésorerie du club : elle vous est remboursée par virement, selon les
        statuts du club.
        {me.role === "gerant"
          ? " Vous êtes le gérant : nommez d'abord un autre membre gérant ci-dessus."
          : null}
        {club.status === "en-epargne"
          ? ` Pendant l'épargne et l'investissement, le club garde au moins ${MIN_ACTIVE_MEMBERS} membres actifs.`
          : null}
      </p>
      <Form method="post" aria-labelledby="quitter">
        <button type="submit" name="intent" value="leave" className="button button--danger">
          Quitter le club
        </button>
      </Form>

      <h2 id="reunions">Réunions</h2>
      {meetings.length === 0 ? (
        <p>Aucune réunion enregistrée.</p>
      ) : (
        <ul>
          {meetings.map((m) => (
            <li key={m.id}>
              {formatDateTime(m.startsAt)}, {m.place}
              {m.projectTitle ? ` — avec le projet « ${m.projectTitle} »` : null}
              {m.agenda ? ` : ${m.agenda}` : null}
            </li>
          ))}
        </ul>
      )}
      {can.scheduleMeetings ? (
        <ConformForm form={meetingForm} intent="add-meeting" aria-labelledby="reunions">
          <TextField meta={meetingFields.date} label="Date" hint="Au format aaaa-mm-jj." />
          <TextField meta={meetingFields.time} label="Heure" hint="Au format hh:mm, heure de Paris." />
          <TextField meta={meetingFields.place} label="Lieu" />
          <SelectField
            meta={meetingFields.projectId}
            label="Rencontre avec un projet (facultatif)"
            options={projects.map((p) => ({ value: String(p.id), label: p.title }))}
            placeholder="Aucun"
          />
          <TextAreaField meta={meetingFields.agenda} label="Ordre du jour (facultatif)" rows={3} />
          <SubmitButton>Ajouter la réunion</SubmitButton>
        </ConformForm>
      ) : null}
    </div>
  );
}
