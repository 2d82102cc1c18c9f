import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { EventCards } from "~/components/event-cards";
import { SelectField, TextAreaField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { formatDate, plural } from "~/domain/format";
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

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.group.name} — ${data.pole.name} — Maillon` : "Groupe introuvable — Maillon" },
];

function loadGroup(territoryId: number, slug: string | undefined) {
  const group = slug ? getGroupPage(getDb(), territoryId, slug) : undefined;
  if (!group) throw notFound("Groupe de travail introuvable");
  return group;
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const permit = authorize(request, "poles.$slug_.groupes.$groupSlug");
  const territory = loadPole(permit, params.slug);
  const group = loadGroup(territory.id, params.groupSlug);
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
  const group = loadGroup(territory.id, params.groupSlug);
  const { auth } = permit;
  const db = getDb();
  const now = new Date();
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
      return redirectWithFlash(here, "Votre demande est envoyée : le coordinateur du groupe ou l'équipe d'animation vous répondra.");
    }
    case "leave": {
      const outcome = leaveGroup(db, group.id, auth.user.id);
      if (!outcome.ok) return replyRefused(outcome, { formId: "leave" });
      return redirectWithFlash(here, `Vous ne faites plus partie du groupe « ${group.name} ».`);
    }
    case "answer": {
      const submission = parseWithZod(formData, { schema: answerGroupRequestSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "answer" });
      const accept = submission.value.decision === "accepter";
      const outcome = answerGroupRequest(db, auth, pole, group.id, submission.value.requestId, accept, now);
      if (!outcome.ok) return replyRefused(outcome, { submission, formId: "answer" });
      return redirectWithFlash(
        `${here}#demandes`,
        accept ? `${outcome.displayName} fait maintenant partie du groupe.` : `La demande de ${outcome.displayName} est refusée ; cette personne en est informée.`,
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
      return redirectWithFlash(here, "Le groupe est mis à jour.");
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
  return (
    <div className="container">
      <p className="eyebrow">
        <Link to={`/poles/${pole.slug}`}>{pole.name}</Link> · <Link to={`/poles/${pole.slug}/groupes`}>Groupes de travail</Link> · {group.axis.name}
      </p>
      <h1>{group.name}</h1>
      {group.purpose ? <p>{group.purpose}</p> : <p>L'objet de ce groupe n'est pas encore décrit.</p>}
      <dl className="details">
        <dt>Coordination</dt>
        <dd>{group.coordinator ? group.coordinator.displayName : "À pourvoir : l'équipe d'animation nomme un coordinateur parmi les membres du pôle."}</dd>
        <dt>Axe du pôle</dt>
        <dd>{group.axis.name}</dd>
      </dl>

      <section aria-labelledby="membres-titre">
        <h2 id="membres-titre">Membres ({group.members.length})</h2>
        {group.members.length === 0 ? (
          <p>Personne n'a encore rejoint ce groupe.</p>
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
        <h2 id="rendez-vous-titre">Prochains rendez-vous du groupe</h2>
        <EventCards events={events} empty="Aucun rendez-vous annoncé pour ce groupe." showPole={false} />
        {answers ? (
          <p>
            <a href={`/agenda/nouveau?pole=${pole.slug}`}>Organiser un rendez-vous du groupe</a>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="documents-titre">
        <h2 id="documents-titre">Documents</h2>
        {group.links.length === 0 ? (
          <p>Aucun document partagé pour l'instant.</p>
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
        <h2 id="participer-titre">Participer</h2>
        {!viewer ? (
          <p>
            <Link to={`/connexion?redirectTo=/poles/${pole.slug}/groupes/${group.slug}`}>Connectez-vous</Link> pour demander à rejoindre ce groupe.
          </p>
        ) : viewer.status === "confirmee" || viewer.status === "demandee" ? (
          <>
            <p>{viewer.status === "confirmee" ? "Vous faites partie de ce groupe." : "Votre demande est envoyée ; le groupe vous répondra."}</p>
            <Form method="post" className="form">
              <input type="hidden" name="intent" value="leave" />
              <button type="submit" className="button button--ghost">
                {viewer.status === "confirmee" ? "Quitter le groupe" : "Retirer ma demande"}
              </button>
            </Form>
          </>
        ) : !viewer.poleMember ? (
          <p>
            Les groupes de travail réunissent les membres du pôle. <Link to={`/poles/${pole.slug}/charte`}>Rejoignez d'abord le {pole.name}</Link>{" "}
            en acceptant sa charte.
          </p>
        ) : (
          <ConformForm form={joinForm} intent="join" aria-labelledby="participer-titre">
            {viewer.status === "refusee" ? <p>Une précédente demande n'a pas été retenue ; vous pouvez en faire une nouvelle.</p> : null}
            <TextAreaField meta={joinFields.message} label="Un mot pour le groupe (facultatif)" hint="Ce que vous voulez y apporter." rows={3} />
            {viewer.organisations.length > 0 ? (
              <SelectField
                meta={joinFields.organisationId}
                label="Au titre de"
                placeholder="À titre personnel"
                options={viewer.organisations.map((o) => ({ value: String(o.id), label: o.name }))}
              />
            ) : null}
            <SubmitButton>Demander à rejoindre le groupe</SubmitButton>
          </ConformForm>
        )}
      </section>

      {answers ? (
        <section aria-labelledby="demandes">
          <h2 id="demandes">Demandes à examiner ({pending.length})</h2>
          {pending.length === 0 ? (
            <p>Aucune demande en attente.</p>
          ) : (
            <ul className="cards">
              {pending.map((r) => (
                <li key={r.id} className="card">
                  <h3>{r.displayName}</h3>
                  <p>
                    Demande du {formatDate(r.requestedAt)}
                    {r.organisationName ? `, au titre de ${r.organisationName}` : ""}
                  </p>
                  {r.message ? <blockquote>{r.message}</blockquote> : null}
                  <Form method="post" className="form" aria-label={`Répondre à ${r.displayName}`}>
                    <input type="hidden" name="intent" value="answer" />
                    <input type="hidden" name="requestId" value={r.id} />
                    <button type="submit" name="decision" value="accepter" className="button">
                      Accepter
                    </button>{" "}
                    <button type="submit" name="decision" value="refuser" className="button button--ghost">
                      Refuser
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
          <h2 id="modifier-titre">Modifier le groupe</h2>
          <ConformForm form={editForm} intent="edit" aria-labelledby="modifier-titre">
            <SelectField meta={editFields.axisId} label="Axe" options={editing.axes} />
            <TextAreaField meta={editFields.purpose} label="Objet du groupe" />
            <SelectField
              meta={editFields.coordinatorId}
              label="Coordinateur ou coordinatrice"
              placeholder="À pourvoir"
              options={editing.members}
              hint={editing.members.length === 0 ? "Aucun membre du pôle pour l'instant." : `Parmi les ${plural(editing.members.length, "membre")} du pôle.`}
            />
            <TextAreaField
              meta={editFields.links}
              label="Documents"
              hint="Un document par ligne : « Libellé | https://adresse »."
              rows={5}
            />
            <SubmitButton>Enregistrer</SubmitButton>
          </ConformForm>
        </section>
      ) : null}
    </div>
  );
}
