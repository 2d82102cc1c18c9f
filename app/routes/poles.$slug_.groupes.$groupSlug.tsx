import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { EventCards } from "~/components/event-cards";
import { SelectField, TextAreaField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { isStaffOf } from "~/domain/permissions";
import { formatDocumentLinks, mayAnswerGroupRequests, parseDocumentLinks } from "~/domain/pole-membership";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { loadPole } from "~/guards/pole.server";
import { eventViewer, listEvents } from "~/models/event.server";
import { isMemberOfAny, listPoleMembers, memberPoleIds } from "~/models/pole-member.server";
import {
  answerGroupRequest,
  getGroupPage,
  groupStatusOf,
  leaveGroup,
  listAxesWithGroups,
  pendingGroupRequests,
  representedOrganisations,
  requestToJoinGroup,
  updateGroup,
} from "~/models/working-group.server";
import { answerGroupRequestSchema, editGroupSchema, joinGroupSchema } from "~/schemas/pole";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound, readFormData } from "~/utils/http.server";
import { replyInvalid, replyRefused, UNKNOWN_INTENT } from "~/utils/reply.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaText(matches).poles.group;
  return [{ title: data ? t.metaTitle(data.group.name, data.pole.name) : t.notFoundTitle }];
};

function loadGroup(request: Request, territoryId: number, slug: string | undefined) {
  const group = slug ? getGroupPage(getDb(), territoryId, slug) : undefined;
  if (!group) throw notFound(requestText(request).t.poles.group.notFound);
  return group;
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const permit = authorize(request, "poles.$slug_.groupes.$groupSlug");
  const territory = loadPole(permit, params.slug);
  const group = loadGroup(request, territory.id, params.groupSlug);
  const db = getDb();
  const { auth } = permit;
  const staff = isStaffOf(auth, territory.id);
  const answers = mayAnswerGroupRequests(auth, { territoryId: territory.id, coordinatorId: group.coordinator?.id ?? null });
  return {
    pole: { slug: territory.slug, name: territory.name },
    group,
    viewer: auth
      ? {
          poleMember: isMemberOfAny(db, auth.user.id, [territory.id]),
          status: groupStatusOf(db, group.id, auth.user.id),
          organisations: representedOrganisations(db, auth.user.id),
        }
      : null,
    events: listEvents(db, { viewer: eventViewer(auth, auth ? memberPoleIds(db, auth.user.id) : []), now: new Date(), when: "upcoming", groupId: group.id, limit: 10 }),
    pending: answers ? pendingGroupRequests(db, group.id) : [],
    answers,
    editing: staff
      ? {
          axes: listAxesWithGroups(db, territory.id).map((a) => ({ value: String(a.id), label: a.name })),
          members: listPoleMembers(db, territory.id).map((m) => ({ value: String(m.id), label: m.displayName })),
          links: formatDocumentLinks(group.links),
        }
      : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "poles.$slug_.groupes.$groupSlug");
  const formData = await readFormData(request);
  const permit = authorize(request, "poles.$slug_.groupes.$groupSlug", formData);
  const territory = loadPole(permit, params.slug);
  const group = loadGroup(request, territory.id, params.groupSlug);
  const { auth } = permit;
  const db = getDb();
  const now = new Date();
  const t = requestText(request).t.poles.group;
  const here = `/poles/${territory.slug}/groupes/${group.slug}`;
  const pole = { id: territory.id, slug: territory.slug, name: territory.name };
  switch (permit.intent) {
    case "join": {
      const submission = parseWithZod(formData, { schema: joinGroupSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "join" });
      const v = submission.value;
      const outcome = requestToJoinGroup(
        db,
        pole,
        { id: group.id, slug: group.slug, name: group.name, coordinatorId: group.coordinator?.id ?? null },
        { id: auth.user.id, displayName: auth.user.displayName },
        { message: v.message ?? "", organisationId: v.organisationId ?? null },
        now,
      );
      if (!outcome.ok) return replyRefused(outcome, { submission, formId: "join" });
      return redirectWithFlash(here, t.requestSent);
    }
    case "leave": {
      const outcome = leaveGroup(db, group.id, auth.user.id);
      if (!outcome.ok) return replyRefused(outcome, { formId: "leave" });
      return redirectWithFlash(here, t.left(group.name));
    }
    case "answer": {
      const submission = parseWithZod(formData, { schema: answerGroupRequestSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "answer" });
      const accept = submission.value.decision === "accepter";
      const outcome = answerGroupRequest(db, auth, pole, group.id, submission.value.requestId, accept, now);
      if (!outcome.ok) return replyRefused(outcome, { submission, formId: "answer" });
      return redirectWithFlash(
        `${here}#demandes`,
        accept ? t.accepted(outcome.displayName) : t.declined(outcome.displayName),
      );
    }
    case "edit": {
      const submission = parseWithZod(formData, { schema: editGroupSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "edit" });
      const v = submission.value;
      const links = parseDocumentLinks(v.links ?? "");
      const outcome = updateGroup(db, auth, territory.id, group.id, {
        axisId: v.axisId,
        purpose: v.purpose ?? "",
        coordinatorId: v.coordinatorId ?? null,
        links: links.ok ? links.links : [],
      });
      if (!outcome.ok) return replyRefused(outcome, { submission, formId: "edit" });
      return redirectWithFlash(here, t.updated);
    }
    default:
      return replyRefused(UNKNOWN_INTENT);
  }
}

export default function WorkingGroupPage() {
  const { pole, group, viewer, pending, answers, editing, events } = useLoaderData<typeof loader>();
  const [joinForm, joinFields] = useSchemaForm(joinGroupSchema, { id: "join", reply: "join" });
  const [editForm, editFields] = useSchemaForm(editGroupSchema, {
    id: "edit",
    reply: "edit",
    defaultValue: {
      axisId: group.axis.id,
      purpose: group.purpose,
      coordinatorId: group.coordinator?.id,
      links: editing?.links ?? "",
    },
  });
  const { poles, common } = useT();
  const t = poles.group;
  const format = useFormat();
  return (
    <div className="container">
      <p className="eyebrow">
        <Link to={`/poles/${pole.slug}`}>{pole.name}</Link> · <Link to={`/poles/${pole.slug}/groupes`}>{t.groups}</Link> · {group.axis.name}
      </p>
      <h1>{group.name}</h1>
      {group.purpose ? <p>{group.purpose}</p> : <p>{t.noPurpose}</p>}
      <dl className="details">
        <dt>{t.coordination}</dt>
        <dd>{group.coordinator ? group.coordinator.displayName : t.noCoordinator}</dd>
        <dt>{t.axis}</dt>
        <dd>{group.axis.name}</dd>
      </dl>

      <section aria-labelledby="membres-titre">
        <h2 id="membres-titre">{t.membersTitle(format.integer(group.members.length))}</h2>
        {group.members.length === 0 ? (
          <p>{t.noMember}</p>
        ) : (
          <ul>
            {group.members.map((m) => (
              <li key={m.id}>
                {m.displayName}
                {m.organisationName ? ` — ${m.organisationName}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="rendez-vous-titre">
        <h2 id="rendez-vous-titre">{t.eventsTitle}</h2>
        <EventCards events={events} empty={t.noEvent} showPole={false} />
        {answers ? (
          <p>
            <a href={`/agenda/nouveau?pole=${pole.slug}`}>{t.newEvent}</a>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="documents-titre">
        <h2 id="documents-titre">{t.documentsTitle}</h2>
        {group.links.length === 0 ? (
          <p>{t.noDocument}</p>
        ) : (
          <ul>
            {group.links.map((l) => (
              <li key={l.url}>
                <a href={l.url} rel="noopener noreferrer">
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="participer-titre">
        <h2 id="participer-titre">{t.takePartTitle}</h2>
        {!viewer ? (
          <p>
            <Link to={`/connexion?redirectTo=/poles/${pole.slug}/groupes/${group.slug}`}>{t.signIn}</Link> {t.signInToJoin}
          </p>
        ) : viewer.status === "confirmee" || viewer.status === "demandee" ? (
          <>
            <p>{viewer.status === "confirmee" ? t.inGroup : t.requested}</p>
            <Form method="post" className="form">
              <input type="hidden" name="intent" value="leave" />
              <button type="submit" className="button button--ghost">
                {viewer.status === "confirmee" ? t.leave : t.withdraw}
              </button>
            </Form>
          </>
        ) : !viewer.poleMember ? (
          <p>
            {t.membersOnly} <Link to={`/poles/${pole.slug}/charte`}>{t.joinPoleFirst(pole.name)}</Link> {t.byCharter}
          </p>
        ) : (
          <ConformForm form={joinForm} intent="join" aria-labelledby="participer-titre">
            {viewer.status === "refusee" ? <p>{t.declinedBefore}</p> : null}
            <TextAreaField meta={joinFields.message} label={t.message} hint={t.messageHint} rows={3} />
            {viewer.organisations.length > 0 ? (
              <SelectField
                meta={joinFields.organisationId}
                label={t.onBehalfOf}
                placeholder={t.personally}
                options={viewer.organisations.map((o) => ({ value: String(o.id), label: o.name }))}
              />
            ) : null}
            <SubmitButton>{t.join}</SubmitButton>
          </ConformForm>
        )}
      </section>

      {answers ? (
        <section aria-labelledby="demandes">
          <h2 id="demandes">{t.requestsTitle(format.integer(pending.length))}</h2>
          {pending.length === 0 ? (
            <p>{t.noRequest}</p>
          ) : (
            <ul className="cards">
              {pending.map((r) => (
                <li key={r.id} className="card">
                  <h3>{r.displayName}</h3>
                  <p>
                    {t.requestedOn(format.date(r.requestedAt), r.organisationName)}
                  </p>
                  {r.message ? <blockquote>{r.message}</blockquote> : null}
                  <Form method="post" className="form" aria-label={t.answerTo(r.displayName)}>
                    <input type="hidden" name="intent" value="answer" />
                    <input type="hidden" name="requestId" value={r.id} />
                    <button type="submit" name="decision" value="accepter" className="button">
                      {t.accept}
                    </button>{" "}
                    <button type="submit" name="decision" value="refuser" className="button button--ghost">
                      {t.decline}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {editing ? (
        <section aria-labelledby="modifier-titre">
          <h2 id="modifier-titre">{t.editTitle}</h2>
          <ConformForm form={editForm} intent="edit" aria-labelledby="modifier-titre">
            <SelectField meta={editFields.axisId} label={t.editAxis} options={editing.axes} />
            <TextAreaField meta={editFields.purpose} label={t.purpose} />
            <SelectField
              meta={editFields.coordinatorId}
              label={t.coordinator}
              placeholder={t.toBeFilled}
              options={editing.members}
              hint={editing.members.length === 0 ? t.noPoleMember : t.amongMembers(editing.members.length, format.integer(editing.members.length))}
            />
            <TextAreaField
              meta={editFields.links}
              label={t.documents}
              hint={t.documentsHint}
              rows={5}
            />
            <SubmitButton>{common.save}</SubmitButton>
          </ConformForm>
        </section>
      ) : null}
    </div>
  );
}
