import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ProjectStatusBadge, UnmetNeedStatusBadge } from "~/components/status-badge";
import { optionsFrom, RadioGroupField, SelectField, TextAreaField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { formatDate, formatDateTime, plural } from "~/domain/format";
import { isStaffOf } from "~/domain/permissions";
import { PROJECT_KIND_LABELS } from "~/domain/project";
import { needTrace, UNMET_NEED_STATUS_HINTS, UNMET_NEED_STATUS_LABELS } from "~/domain/unmet-need";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { loadUnmetNeed } from "~/guards/unmet-need.server";
import { listActivityDomains } from "~/models/catalog.server";
import { listPoleMembers } from "~/models/pole-member.server";
import {
  addNeedComment,
  draftProjectFromNeed,
  hasSupported,
  linkableGroups,
  linkableProjects,
  linkNeedAnswer,
  listNeedAnswers,
  listNeedComments,
  needPlace,
  qualifyNeed,
  setSupport,
  unlinkNeedAnswer,
} from "~/models/unmet-need.server";
import {
  commentNeedSchema,
  draftProjectSchema,
  linkGroupSchema,
  linkProjectSchema,
  qualifyNeedSchema,
  supportNeedSchema,
  unlinkSchema,
} from "~/schemas/unmet-need";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid, replyRefused, UNKNOWN_INTENT } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.need.title} — Besoins du territoire — Maillon` : "Besoin introuvable — Maillon" },
  ...(data ? [{ name: "description", content: `Un besoin du territoire du ${data.need.pole.name} : ${data.need.affected}` }] : []),
];

export function loader({ request, params }: LoaderFunctionArgs) {
  const permit = authorize(request, "besoins.$id");
  const need = loadUnmetNeed(permit, params.id);
  const db = getDb();
  const { auth } = permit;
  const team = isStaffOf(auth, need.territoryId);
  const answers = listNeedAnswers(db, need.id);
  const projects = answers.flatMap((a) => (a.kind === "project" ? [a.project] : []));
  const groups = answers.flatMap((a) => (a.kind === "group" ? [a.group] : []));
  return {
    need: {
      id: need.id,
      title: need.title,
      description: need.description,
      affected: need.affected,
      place: needPlace(need),
      status: need.status,
      statusNote: need.statusNote,
      qualifiedAt: need.qualifiedAt,
      createdAt: need.createdAt,
      authorName: need.authorName ?? "Membre parti",
      supportCount: need.supportCount,
      pole: { slug: need.pole.slug, name: need.pole.name },
    },
    trace: needTrace({ status: need.status, statusNote: need.statusNote, supportCount: need.supportCount, projects, groups }),
    answers: answers.map((a) =>
      a.kind === "project"
        ? {
            linkId: a.linkId,
            kind: a.kind,
            title: a.project.title,
            status: a.project.status,
            drafted: a.project.drafted,
            // A draft is seen by its holder and the team only (as on the project's own page).
            href: a.project.status !== "brouillon" || team || a.project.ownerId === auth?.user.id ? `/projets/${a.project.id}` : null,
          }
        : { linkId: a.linkId, kind: a.kind, title: a.group.name, status: null, drafted: false, href: a.group.href },
    ),
    comments: listNeedComments(db, need.id),
    viewer: auth ? { supported: hasSupported(db, need.id, auth.user.id) } : null,
    team: team
      ? {
          holders: listPoleMembers(db, need.territoryId, { role: "porteur" }).map((m) => ({ value: String(m.id), label: m.displayName })),
          domains: listActivityDomains(db).map((d) => ({ value: String(d.id), label: d.name })),
          projects: linkableProjects(db, need).map((p) => ({ value: String(p.id), label: p.title })),
          groups: linkableGroups(db, need).map((g) => ({ value: String(g.id), label: g.name })),
        }
      : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "besoins.$id");
  const formData = await readFormData(request);
  const permit = authorize(request, "besoins.$id", formData);
  const need = loadUnmetNeed(permit, params.id);
  const { auth } = permit;
  const db = getDb();
  const now = new Date();
  const here = `/besoins/${need.id}`;
  switch (permit.intent) {
    case "support": {
      const submission = parseWithZod(formData, { schema: supportNeedSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "support" });
      const support = submission.value.support === "oui";
      setSupport(db, need.id, auth.user.id, support, now);
      return redirectWithFlash(`${here}#soutien`, support ? "Vous soutenez ce besoin." : "Vous ne soutenez plus ce besoin.");
    }
    case "comment": {
      const submission = parseWithZod(formData, { schema: commentNeedSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "comment" });
      addNeedComment(db, need, { id: auth.user.id, displayName: auth.user.displayName }, submission.value.body, now);
      return redirectWithFlash(`${here}#commentaires`, "Votre commentaire est publié.");
    }
    case "qualify": {
      const submission = parseWithZod(formData, { schema: qualifyNeedSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "qualify" });
      const v = submission.value;
      const outcome = qualifyNeed(db, auth, need, { status: v.status, statusNote: v.statusNote ?? "" }, now);
      if (!outcome.ok) return replyRefused(outcome, { submission, formId: "qualify" });
      return redirectWithFlash(here, `Le besoin est maintenant « ${UNMET_NEED_STATUS_LABELS[v.status]} » ; les personnes qui le soutiennent en sont informées.`);
    }
    case "draft": {
      const submission = parseWithZod(formData, { schema: draftProjectSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "draft" });
      const outcome = draftProjectFromNeed(db, auth, need, submission.value, now);
      if (!outcome.ok) return replyRefused(outcome, { submission, formId: "draft" });
      return redirectWithFlash(`${here}#trace`, "Le brouillon de projet est créé et confié ; la personne qui le porte en est informée.");
    }
    case "link-project": {
      const submission = parseWithZod(formData, { schema: linkProjectSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "link-project" });
      const outcome = linkNeedAnswer(db, auth, need, { projectId: submission.value.projectId }, now);
      if (!outcome.ok) return replyRefused(outcome, { submission, formId: "link-project" });
      return redirectWithFlash(`${here}#trace`, "Le projet est relié à ce besoin.");
    }
    case "link-group": {
      const submission = parseWithZod(formData, { schema: linkGroupSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "link-group" });
      const outcome = linkNeedAnswer(db, auth, need, { groupId: submission.value.groupId }, now);
      if (!outcome.ok) return replyRefused(outcome, { submission, formId: "link-group" });
      return redirectWithFlash(`${here}#trace`, "Le groupe de travail est relié à ce besoin.");
    }
    case "unlink": {
      const submission = parseWithZod(formData, { schema: unlinkSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "unlink" });
      const outcome = unlinkNeedAnswer(db, auth, need, submission.value.linkId);
      if (!outcome.ok) return replyRefused(outcome, { formId: "unlink" });
      return redirectWithFlash(`${here}#trace`, "Le lien est retiré.");
    }
    default:
      return replyRefused(UNKNOWN_INTENT);
  }
}

export default function UnmetNeedPage() {
  const { need, trace, answers, comments, viewer, team } = useLoaderData<typeof loader>();
  const [commentForm, commentFields] = useSchemaForm(commentNeedSchema, { id: "comment", reply: "comment" });
  const here = `/besoins/${need.id}`;
  return (
    <div className="container">
      <p className="eyebrow">
        <a href="/besoins">Besoins du territoire</a> · <a href={`/poles/${need.pole.slug}`}>{need.pole.name}</a>
      </p>
      <h1>{need.title}</h1>
      <p>
        <UnmetNeedStatusBadge status={need.status} /> {UNMET_NEED_STATUS_HINTS[need.status]}
      </p>
      <dl className="details">
        <dt>Où</dt>
        <dd>{need.place}</dd>
        <dt>Qui est concerné</dt>
        <dd>{need.affected}</dd>
        <dt>Signalé</dt>
        <dd>
          par {need.authorName}, le {formatDate(need.createdAt)}
        </dd>
      </dl>
      <div className="prewrap">{need.description}</div>
      {need.statusNote ? (
        <section aria-labelledby="avis-titre">
          <h2 id="avis-titre">L'avis de l'équipe d'animation</h2>
          <p className="prewrap">{need.statusNote}</p>
          {need.qualifiedAt ? <p className="hint">Le {formatDate(need.qualifiedAt)}.</p> : null}
        </section>
      ) : null}

      <section aria-labelledby="soutien">
        <h2 id="soutien">Soutiens</h2>
        <p>
          {need.supportCount === 0 ? "Personne ne soutient encore ce besoin." : `${plural(need.supportCount, "personne")} ${need.supportCount > 1 ? "soutiennent" : "soutient"} ce besoin.`}
        </p>
        {viewer ? (
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="support" />
            <input type="hidden" name="support" value={viewer.supported ? "non" : "oui"} />
            <button type="submit" className={viewer.supported ? "button button--ghost" : "button"}>
              {viewer.supported ? "Retirer mon soutien" : "Je soutiens ce besoin"}
            </button>
          </Form>
        ) : (
          <p>
            <a href={`/connexion?redirectTo=${here}`}>Connectez-vous</a> pour soutenir ce besoin ou le commenter.
          </p>
        )}
      </section>

      <section aria-labelledby="trace">
        <h2 id="trace">Du besoin à ce qui y répond</h2>
        <ol className="trace">
          {trace.map((step) => (
            <li key={step.key} className="trace__step">
              <h3>{step.title}</h3>
              {step.key === "reponses" && answers.length > 0 ? (
                <ul>
                  {answers.map((a) => (
                    <li key={a.linkId}>
                      {a.kind === "project" ? (a.drafted ? "Projet né de ce besoin : " : "Projet : ") : "Groupe de travail : "}
                      {a.href ? <a href={a.href}>{a.title}</a> : a.title} {a.status ? <ProjectStatusBadge status={a.status} /> : null}
                      {team ? (
                        <Form method="post" className="inline-form" aria-label={`Retirer le lien avec ${a.title}`}>
                          <input type="hidden" name="intent" value="unlink" />
                          <input type="hidden" name="linkId" value={a.linkId} />
                          <button type="submit" className="button button--ghost">
                            Retirer le lien
                          </button>
                        </Form>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <ul>
                  {step.lines.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="commentaires">
        <h2 id="commentaires">Commentaires ({comments.length})</h2>
        {comments.length === 0 ? (
          <p>Aucun commentaire pour l'instant.</p>
        ) : (
          <ul className="comments">
            {comments.map((c) => (
              <li key={c.id}>
                <p className="hint">
                  {c.authorName}, le {formatDateTime(c.createdAt)}
                </p>
                <p className="prewrap">{c.body}</p>
              </li>
            ))}
          </ul>
        )}
        {viewer ? (
          <ConformForm form={commentForm} intent="comment" aria-labelledby="commentaires">
            <TextAreaField meta={commentFields.body} label="Votre commentaire" hint="Ce que vous en savez, une piste, une structure qui pourrait aider." rows={4} />
            <SubmitButton>Publier le commentaire</SubmitButton>
          </ConformForm>
        ) : null}
      </section>

      {team ? <TeamTools /> : null}
    </div>
  );
}

/** What the pôle's animation team does with the need: qualify it, draft a project from it, link answers. */
function TeamTools() {
  const { need, team } = useLoaderData<typeof loader>();
  const [qualifyForm, qualifyFields] = useSchemaForm(qualifyNeedSchema, {
    id: "qualify",
    reply: "qualify",
    defaultValue: { status: need.status, statusNote: need.statusNote },
  });
  const [draftForm, draftFields] = useSchemaForm(draftProjectSchema, { id: "draft", reply: "draft" });
  const [projectForm, projectFields] = useSchemaForm(linkProjectSchema, { id: "link-project", reply: "link-project" });
  const [groupForm, groupFields] = useSchemaForm(linkGroupSchema, { id: "link-group", reply: "link-group" });
  if (!team) return null;
  return (
    <section aria-labelledby="animation-titre">
      <h2 id="animation-titre">Pour l'équipe d'animation</h2>

      <h3 id="qualifier-titre">Où en est ce besoin ?</h3>
      <ConformForm form={qualifyForm} intent="qualify" aria-labelledby="qualifier-titre">
        <RadioGroupField meta={qualifyFields.status} legend="Statut" options={optionsFrom(UNMET_NEED_STATUS_LABELS)} />
        <TextAreaField
          meta={qualifyFields.statusNote}
          label="Explication, publique"
          hint="Obligatoire si le besoin n'est pas retenu ; dites aussi ce qui y répond quand ce n'est pas un projet ou un groupe relié."
          rows={3}
        />
        <SubmitButton>Enregistrer le statut</SubmitButton>
      </ConformForm>

      <h3 id="brouillon-titre">En faire un projet</h3>
      <p>Le brouillon reprend le titre et la description du besoin ; la personne choisie le complète et le publie.</p>
      {team.holders.length === 0 ? (
        <p>Aucun membre du pôle ne porte de projet pour l'instant : personne à qui confier le brouillon.</p>
      ) : (
        <ConformForm form={draftForm} intent="draft" aria-labelledby="brouillon-titre">
          <SelectField meta={draftFields.holderId} label="Confier le projet à" placeholder="Choisissez un porteur ou une porteuse du pôle" options={team.holders} />
          <SelectField meta={draftFields.activityDomainId} label="Domaine d'activité" placeholder="Choisissez un domaine" options={team.domains} />
          <SelectField meta={draftFields.kind} label="Forme du projet" placeholder="Choisissez une forme" options={optionsFrom(PROJECT_KIND_LABELS)} />
          <SubmitButton>Créer le brouillon de projet</SubmitButton>
        </ConformForm>
      )}

      <h3 id="relier-projet-titre">Relier un projet existant</h3>
      {team.projects.length === 0 ? (
        <p>Aucun autre projet publié du pôle à relier.</p>
      ) : (
        <ConformForm form={projectForm} intent="link-project" aria-labelledby="relier-projet-titre">
          <SelectField meta={projectFields.projectId} label="Projet publié du pôle" placeholder="Choisissez un projet" options={team.projects} />
          <SubmitButton>Relier le projet</SubmitButton>
        </ConformForm>
      )}

      <h3 id="relier-groupe-titre">Relier un groupe de travail</h3>
      {team.groups.length === 0 ? (
        <p>Aucun autre groupe de travail du pôle à relier.</p>
      ) : (
        <ConformForm form={groupForm} intent="link-group" aria-labelledby="relier-groupe-titre">
          <SelectField meta={groupFields.groupId} label="Groupe de travail" placeholder="Choisissez un groupe" options={team.groups} />
          <SubmitButton>Relier le groupe</SubmitButton>
        </ConformForm>
      )}
    </section>
  );
}
