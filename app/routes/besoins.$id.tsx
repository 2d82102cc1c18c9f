import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ProjectStatusBadge, UnmetNeedStatusBadge } from "~/components/status-badge";
import { optionsFrom, RadioGroupField, SelectField, TextAreaField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { isStaffOf } from "~/domain/permissions";
import { needTrace } from "~/domain/unmet-need";
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
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaText(matches).needs.need;
  return [
    { title: data ? t.metaTitle(data.need.title) : t.metaNotFound },
    ...(data ? [{ name: "description", content: t.metaDescription(data.need.pole.name, data.need.affected) }] : []),
  ];
};

export function loader({ request, params }: LoaderFunctionArgs) {
  const permit = authorize(request, "besoins.$id");
  const need = loadUnmetNeed(permit, params.id);
  const db = getDb();
  const { auth } = permit;
  const team = isStaffOf(auth, need.territoryId);
  const answers = listNeedAnswers(db, need.id);
  const projects = answers.flatMap((a) => (a.kind === "project" ? [a.project] : []));
  const groups = answers.flatMap((a) => (a.kind === "group" ? [a.group] : []));
  const { t, format } = requestText(request);
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
      authorName: need.authorName ?? t.needs.need.formerMember,
      supportCount: need.supportCount,
      pole: { slug: need.pole.slug, name: need.pole.name },
    },
    trace: needTrace({ status: need.status, statusNote: need.statusNote, supportCount: need.supportCount, projects, groups }, t.needs.trace, format),
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
  const { t: text } = requestText(request);
  const t = text.needs.need;
  switch (permit.intent) {
    case "support": {
      const submission = parseWithZod(formData, { schema: supportNeedSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "support" });
      const support = submission.value.support === "oui";
      setSupport(db, need.id, auth.user.id, support, now);
      return redirectWithFlash(`${here}#soutien`, support ? t.supported : t.unsupported);
    }
    case "comment": {
      const submission = parseWithZod(formData, { schema: commentNeedSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "comment" });
      addNeedComment(db, need, { id: auth.user.id, displayName: auth.user.displayName }, submission.value.body, now);
      return redirectWithFlash(`${here}#commentaires`, t.commented);
    }
    case "qualify": {
      const submission = parseWithZod(formData, { schema: qualifyNeedSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "qualify" });
      const v = submission.value;
      const outcome = qualifyNeed(db, auth, need, { status: v.status, statusNote: v.statusNote ?? "" }, now);
      if (!outcome.ok) return replyRefused(outcome, { submission, formId: "qualify" });
      return redirectWithFlash(here, t.qualified(text.vocabulary.unmetNeedStatus[v.status]));
    }
    case "draft": {
      const submission = parseWithZod(formData, { schema: draftProjectSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "draft" });
      const outcome = draftProjectFromNeed(db, auth, need, submission.value, now);
      if (!outcome.ok) return replyRefused(outcome, { submission, formId: "draft" });
      return redirectWithFlash(`${here}#trace`, t.drafted);
    }
    case "link-project": {
      const submission = parseWithZod(formData, { schema: linkProjectSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "link-project" });
      const outcome = linkNeedAnswer(db, auth, need, { projectId: submission.value.projectId }, now);
      if (!outcome.ok) return replyRefused(outcome, { submission, formId: "link-project" });
      return redirectWithFlash(`${here}#trace`, t.projectLinked);
    }
    case "link-group": {
      const submission = parseWithZod(formData, { schema: linkGroupSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "link-group" });
      const outcome = linkNeedAnswer(db, auth, need, { groupId: submission.value.groupId }, now);
      if (!outcome.ok) return replyRefused(outcome, { submission, formId: "link-group" });
      return redirectWithFlash(`${here}#trace`, t.groupLinked);
    }
    case "unlink": {
      const submission = parseWithZod(formData, { schema: unlinkSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "unlink" });
      const outcome = unlinkNeedAnswer(db, auth, need, submission.value.linkId);
      if (!outcome.ok) return replyRefused(outcome, { formId: "unlink" });
      return redirectWithFlash(`${here}#trace`, t.unlinked);
    }
    default:
      return replyRefused(UNKNOWN_INTENT);
  }
}

export default function UnmetNeedPage() {
  const { need, trace, answers, comments, viewer, team } = useLoaderData<typeof loader>();
  const [commentForm, commentFields] = useSchemaForm(commentNeedSchema, { id: "comment", reply: "comment" });
  const here = `/besoins/${need.id}`;
  const { needs } = useT();
  const t = needs.need;
  const format = useFormat();
  return (
    <div className="container">
      <p className="eyebrow">
        <a href="/besoins">{needs.eyebrowLink}</a> · <a href={`/poles/${need.pole.slug}`}>{need.pole.name}</a>
      </p>
      <h1>{need.title}</h1>
      <p>
        <UnmetNeedStatusBadge status={need.status} /> {needs.statusHint[need.status]}
      </p>
      <dl className="details">
        <dt>{t.where}</dt>
        <dd>{need.place}</dd>
        <dt>{t.affected}</dt>
        <dd>{need.affected}</dd>
        <dt>{t.reported}</dt>
        <dd>{t.reportedBy(need.authorName, format.date(need.createdAt))}</dd>
      </dl>
      <div className="prewrap">{need.description}</div>
      {need.statusNote ? (
        <section aria-labelledby="avis-titre">
          <h2 id="avis-titre">{t.teamView}</h2>
          <p className="prewrap">{need.statusNote}</p>
          {need.qualifiedAt ? <p className="hint">{t.qualifiedOn(format.date(need.qualifiedAt))}</p> : null}
        </section>
      ) : null}

      <section aria-labelledby="soutien">
        <h2 id="soutien">{t.supports}</h2>
        <p>
          {need.supportCount === 0 ? t.noSupport : t.supportCount(need.supportCount, format.integer(need.supportCount))}
        </p>
        {viewer ? (
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="support" />
            <input type="hidden" name="support" value={viewer.supported ? "non" : "oui"} />
            <button type="submit" className={viewer.supported ? "button button--ghost" : "button"}>
              {viewer.supported ? t.withdrawSupport : t.support}
            </button>
          </Form>
        ) : (
          <p>
            <a href={`/connexion?redirectTo=${here}`}>{t.signInLink}</a>
            {t.signInAfter}
          </p>
        )}
      </section>

      <section aria-labelledby="trace">
        <h2 id="trace">{t.trace}</h2>
        <ol className="trace">
          {trace.map((step) => (
            <li key={step.key} className="trace__step">
              <h3>{step.title}</h3>
              {step.key === "reponses" && answers.length > 0 ? (
                <ul>
                  {answers.map((a) => (
                    <li key={a.linkId}>
                      {a.kind === "project" ? t.answerProject(a.drafted) : t.answerGroup}
                      {a.href ? <a href={a.href}>{a.title}</a> : a.title} {a.status ? <ProjectStatusBadge status={a.status} /> : null}
                      {team ? (
                        <Form method="post" className="inline-form" aria-label={t.unlinkLabel(a.title)}>
                          <input type="hidden" name="intent" value="unlink" />
                          <input type="hidden" name="linkId" value={a.linkId} />
                          <button type="submit" className="button button--ghost">
                            {t.unlink}
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
        <h2 id="commentaires">{t.comments(comments.length)}</h2>
        {comments.length === 0 ? (
          <p>{t.noComment}</p>
        ) : (
          <ul className="comments">
            {comments.map((c) => (
              <li key={c.id}>
                <p className="hint">{t.commentBy(c.authorName, format.dateTime(c.createdAt))}</p>
                <p className="prewrap">{c.body}</p>
              </li>
            ))}
          </ul>
        )}
        {viewer ? (
          <ConformForm form={commentForm} intent="comment" aria-labelledby="commentaires">
            <TextAreaField meta={commentFields.body} label={t.comment} hint={t.commentHint} rows={4} />
            <SubmitButton>{t.publishComment}</SubmitButton>
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
  const { needs, vocabulary } = useT();
  const t = needs.team;
  if (!team) return null;
  return (
    <section aria-labelledby="animation-titre">
      <h2 id="animation-titre">{t.title}</h2>

      <h3 id="qualifier-titre">{t.qualify}</h3>
      <ConformForm form={qualifyForm} intent="qualify" aria-labelledby="qualifier-titre">
        <RadioGroupField meta={qualifyFields.status} legend={t.status} options={optionsFrom(vocabulary.unmetNeedStatus)} />
        <TextAreaField
          meta={qualifyFields.statusNote}
          label={t.statusNote}
          hint={t.statusNoteHint}
          rows={3}
        />
        <SubmitButton>{t.saveStatus}</SubmitButton>
      </ConformForm>

      <h3 id="brouillon-titre">{t.draft}</h3>
      <p>{t.draftIntro}</p>
      {team.holders.length === 0 ? (
        <p>{t.noHolder}</p>
      ) : (
        <ConformForm form={draftForm} intent="draft" aria-labelledby="brouillon-titre">
          <SelectField meta={draftFields.holderId} label={t.holder} placeholder={t.holderPlaceholder} options={team.holders} />
          <SelectField meta={draftFields.activityDomainId} label={t.domain} placeholder={t.domainPlaceholder} options={team.domains} />
          <SelectField meta={draftFields.kind} label={t.kind} placeholder={t.kindPlaceholder} options={optionsFrom(vocabulary.projectKind)} />
          <SubmitButton>{t.createDraft}</SubmitButton>
        </ConformForm>
      )}

      <h3 id="relier-projet-titre">{t.linkProject}</h3>
      {team.projects.length === 0 ? (
        <p>{t.noProject}</p>
      ) : (
        <ConformForm form={projectForm} intent="link-project" aria-labelledby="relier-projet-titre">
          <SelectField meta={projectFields.projectId} label={t.project} placeholder={t.projectPlaceholder} options={team.projects} />
          <SubmitButton>{t.linkProjectSubmit}</SubmitButton>
        </ConformForm>
      )}

      <h3 id="relier-groupe-titre">{t.linkGroup}</h3>
      {team.groups.length === 0 ? (
        <p>{t.noGroup}</p>
      ) : (
        <ConformForm form={groupForm} intent="link-group" aria-labelledby="relier-groupe-titre">
          <SelectField meta={groupFields.groupId} label={t.group} placeholder={t.groupPlaceholder} options={team.groups} />
          <SubmitButton>{t.linkGroupSubmit}</SubmitButton>
        </ConformForm>
      )}
    </section>
  );
}
