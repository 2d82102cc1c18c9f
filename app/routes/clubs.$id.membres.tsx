import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ClubNav } from "~/components/club-nav";
import { NoPaymentNotice } from "~/components/no-payment-notice";
import { Alert } from "~/components/ui/alert";
import { optionsFrom, SelectField, TextAreaField, TextField } from "~/components/ui/field";
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
import { parisDateTime, parisIsoDate } from "~/domain/paris-time";
import { redirectWithFlash } from "~/utils/flash.server";
import { useFormReply } from "~/utils/reply";
import { replyInvalid, replyRefused, UNKNOWN_INTENT } from "~/utils/reply.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";
import { DataTable } from "~/components/ui/data-table";

export const meta: MetaFunction = ({ matches }) => [{ title: metaText(matches).clubs.members.metaTitle }];

/** The flash message of each intent's success. */
function doneMessage(t: ReturnType<typeof requestText>["t"]["clubs"]["members"]) {
  return {
    invite: t.invited,
    accepte: t.accepted,
    refuse: t.refused,
    fonction: t.officerSet,
    epargne: t.savingsSet,
    reunion: t.meetingAdded,
  };
}

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
  const t = requestText(request).t.clubs.members;
  const done = (what: keyof ReturnType<typeof doneMessage>) => redirectWithFlash(`/clubs/${clubId}/membres`, doneMessage(t)[what]);

  if (intent === "invite") {
    const submission = parseWithZod(formData, { schema: inviteSchema });
    if (submission.status !== "success") return replyInvalid(submission, { formId: intent });
    const outcome = inviteMember(db, clubId, access.auth.userId, submission.value.email, now);
    if (!outcome.ok) return replyRefused(outcome, { submission, formId: intent, field: "email" });
    return done("invite");
  }
  if (intent === "accept-request" || intent === "decline-request") {
    const userId = readId(formData.get("userId"));
    if (userId === null) return replyRefused({ status: 400, message: t.unknownMember });
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
    return redirectWithFlash(`/clubs/${clubId}`, t.left);
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
  const { clubs, vocabulary } = useT();
  const t = clubs.members;
  const format = useFormat();

  return (
    <div className="container">
      <p className="eyebrow">{t.eyebrow}</p>
      <h1>{t.title(club.name)}</h1>
      <ClubNav clubId={club.id} isMember />
      {message ? <Alert tone="error">{message}</Alert> : null}

      <DataTable caption={t.caption(active.length, MAX_ACTIVE_MEMBERS)}>
        <thead>
          <tr>
            <th scope="col">{t.member}</th>
            <th scope="col">{t.role}</th>
            <th scope="col">{t.declaredSavings}</th>
          </tr>
        </thead>
        <tbody>
          {active.map((m) => (
            <tr key={m.userId}>
              <th scope="row">{m.displayName}</th>
              <td>{vocabulary.memberRole[m.role]}</td>
              <td>{m.monthlySavingsCents > 0 ? format.euros(m.monthlySavingsCents) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <NoPaymentNotice />

      <h2 id="mon-epargne">{t.mySavings}</h2>
      <ConformForm form={savingsForm} intent="set-savings" aria-labelledby="mon-epargne">
        <TextField
          meta={savingsFields.monthlySavings}
          label={t.monthlySavings}
          hint={t.monthlySavingsHint}
          inputProps={{ inputMode: "decimal" }}
        />
        <SubmitButton>{t.saveSavings}</SubmitButton>
      </ConformForm>

      {can.manageMembers ? (
        <>
          <h2 id="inviter-titre">{t.invite}</h2>
          <ConformForm form={inviteForm} intent="invite" aria-labelledby="inviter-titre">
            <TextField meta={inviteFields.email} label={t.inviteEmail} type="email" autoComplete="off" />
            <SubmitButton>{t.inviteSubmit}</SubmitButton>
          </ConformForm>

          <h2>{t.requests}</h2>
          {pending.length === 0 ? (
            <p>{t.noRequest}</p>
          ) : (
            <ul className="plain-list">
              {pending.map((m) => (
                <li key={m.userId} className="actions">
                  <span>{m.displayName}</span>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="userId" value={m.userId} />
                    <button type="submit" name="intent" value="accept-request" className="button">
                      {t.accept}<span className="visually-hidden"> {m.displayName}</span>
                    </button>
                  </Form>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="userId" value={m.userId} />
                    <button type="submit" name="intent" value="decline-request" className="button button--ghost">
                      {t.decline}<span className="visually-hidden"> {m.displayName}</span>
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
          {invited.length > 0 ? (
            <p>{t.invitedWaiting(invited.map((m) => m.displayName).join(", "))}</p>
          ) : null}

          <h2 id="fonctions">{t.officers}</h2>
          <p>{t.officersIntro}</p>
          <ConformForm form={officerForm} intent="set-officer" aria-labelledby="fonctions">
            <SelectField
              meta={officerFields.userId}
              label={t.member}
              options={active.map((m) => ({ value: String(m.userId), label: m.displayName }))}
              placeholder={t.choose}
            />
            <SelectField meta={officerFields.role} label={t.role} options={optionsFrom(vocabulary.memberRole)} placeholder={t.choose} />
            <SubmitButton>{t.appoint}</SubmitButton>
          </ConformForm>
        </>
      ) : null}

      <h2 id="quitter">{t.leave}</h2>
      <p>
        {t.leaveIntro}
        {me.role === "gerant" ? t.leaveManager : null}
        {club.status === "en-epargne" ? t.leaveMinimum(MIN_ACTIVE_MEMBERS) : null}
      </p>
      <Form method="post" aria-labelledby="quitter">
        <button type="submit" name="intent" value="leave" className="button button--danger">
          {t.leave}
        </button>
      </Form>

      <h2 id="reunions">{t.meetings}</h2>
      {meetings.length === 0 ? (
        <p>{t.noMeeting}</p>
      ) : (
        <ul>
          {meetings.map((m) => (
            <li key={m.id}>
              {format.dateTime(m.startsAt)}, {m.place}
              {m.projectTitle ? t.meetingWith(m.projectTitle) : null}
              {m.agenda ? ` : ${m.agenda}` : null}
            </li>
          ))}
        </ul>
      )}
      {can.scheduleMeetings ? (
        <ConformForm form={meetingForm} intent="add-meeting" aria-labelledby="reunions">
          <TextField meta={meetingFields.date} label={t.date} hint={t.dateHint} />
          <TextField meta={meetingFields.time} label={t.time} hint={t.timeHint} />
          <TextField meta={meetingFields.place} label={t.place} />
          <SelectField
            meta={meetingFields.projectId}
            label={t.project}
            options={projects.map((p) => ({ value: String(p.id), label: p.title }))}
            placeholder={t.noProject}
          />
          <TextAreaField meta={meetingFields.agenda} label={t.agenda} rows={3} />
          <SubmitButton>{t.addMeeting}</SubmitButton>
        </ConformForm>
      ) : null}
    </div>
  );
}
