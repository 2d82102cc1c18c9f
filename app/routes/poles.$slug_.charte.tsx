import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CheckboxField, TextAreaField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { isStaffOf } from "~/domain/permissions";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { loadPole } from "~/guards/pole.server";
import { charterHistory, currentCharter, publishCharter } from "~/models/charter.server";
import { acceptCurrentCharter, charterStandingOf, countPoleMembers, joinPole, leavePole } from "~/models/pole-member.server";
import { acceptCharterSchema, joinPoleSchema, publishCharterSchema } from "~/schemas/pole";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid, replyRefused, UNKNOWN_INTENT } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";
import { DataTable } from "~/components/ui/data-table";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaText(matches).poles;
  return [{ title: data ? t.charter.metaTitle(data.pole.name) : t.page.notFoundTitle }];
};

export function loader({ request, params }: LoaderFunctionArgs) {
  const permit = authorize(request, "poles.$slug_.charte");
  const territory = loadPole(permit, params.slug);
  const db = getDb();
  const { auth } = permit;
  const staff = isStaffOf(auth, territory.id);
  const charter = currentCharter(db, territory.id);
  return {
    pole: { id: territory.id, slug: territory.slug, name: territory.name },
    charter: charter ? { ...charter, paragraphs: charter.body.split(/\n\s*\n/) } : null,
    signedIn: !!auth,
    standing: auth ? charterStandingOf(db, territory.id, auth.user.id) : null,
    memberCount: countPoleMembers(db, territory.id),
    history: charterHistory(db, territory.id),
    staff,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "poles.$slug_.charte");
  const formData = await readFormData(request);
  const permit = authorize(request, "poles.$slug_.charte", formData);
  const territory = loadPole(permit, params.slug);
  const { auth } = permit;
  const db = getDb();
  const now = new Date();
  const here = `/poles/${territory.slug}/charte`;
  const pole = { id: territory.id, slug: territory.slug, name: territory.name };
  const t = requestText(request).t.poles.charter;
  switch (permit.intent) {
    case "join": {
      const submission = parseWithZod(formData, { schema: joinPoleSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "join" });
      const readVersion = submission.value.accept ? (submission.value.version ?? null) : null;
      const outcome = joinPole(db, pole, { id: auth.user.id, displayName: auth.user.displayName }, readVersion, now);
      if (!outcome.ok) return replyRefused(outcome, { submission, formId: "join" });
      return redirectWithFlash(`/poles/${territory.slug}`, t.joined(territory.name));
    }
    case "accept": {
      const submission = parseWithZod(formData, { schema: acceptCharterSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "accept" });
      const outcome = acceptCurrentCharter(db, territory.id, auth.user.id, submission.value.version, now);
      if (!outcome.ok) return replyRefused(outcome, { submission, formId: "accept" });
      return redirectWithFlash(here, t.accepted);
    }
    case "leave": {
      const outcome = leavePole(db, territory.id, auth.user.id);
      if (!outcome.ok) return replyRefused(outcome, { formId: "leave" });
      return redirectWithFlash(here, t.left(territory.name));
    }
    case "publish": {
      const submission = parseWithZod(formData, { schema: publishCharterSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "publish" });
      const outcome = publishCharter(db, auth, territory.id, { body: submission.value.body, changeNote: submission.value.changeNote ?? "" }, now);
      if (!outcome.ok) return replyRefused(outcome, { submission, formId: "publish" });
      return redirectWithFlash(here, t.published(outcome.version));
    }
    default:
      return replyRefused(UNKNOWN_INTENT);
  }
}

export default function CharterPage() {
  const { pole, charter, signedIn, standing, memberCount, history, staff } = useLoaderData<typeof loader>();
  const [joinForm, joinFields] = useSchemaForm(joinPoleSchema, { id: "join", reply: "join" });
  const [acceptForm, acceptFields] = useSchemaForm(acceptCharterSchema, { id: "accept", reply: "accept" });
  const [publishForm, publishFields] = useSchemaForm(publishCharterSchema, {
    id: "publish",
    reply: "publish",
    defaultValue: { body: charter?.body ?? "" },
  });
  const t = useT().poles.charter;
  const format = useFormat();
  const member = standing ? standing.kind === "to-accept" || standing.kind === "up-to-date" || (standing.kind === "no-charter" && standing.member) : false;

  return (
    <div className="container">
      <p className="eyebrow">
        <Link to={`/poles/${pole.slug}`}>{pole.name}</Link>
      </p>
      <h1>{t.title}</h1>
      <p>{t.intro(memberCount, format.integer(memberCount))}</p>

      {charter ? (
        <section aria-labelledby="charte-titre">
          <h2 id="charte-titre">
            {t.version(format.integer(charter.version), format.date(charter.publishedAt))}
          </h2>
          {charter.changeNote ? (
            <p>
              <strong>{t.changes}</strong> {charter.changeNote}
            </p>
          ) : null}
          <div>
            {charter.paragraphs.map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        </section>
      ) : (
        <p>{t.none}</p>
      )}

      <section aria-labelledby="adhesion-titre">
        <h2 id="adhesion-titre">{t.membershipTitle}</h2>
        {!signedIn ? (
          <p>
            <Link to={`/connexion?redirectTo=/poles/${pole.slug}/charte`}>{t.signIn}</Link> {t.or}{" "}
            <Link to="/inscription">{t.signUp}</Link> {t.toJoin}
          </p>
        ) : standing?.kind === "not-member" || (standing?.kind === "no-charter" && !standing.member) ? (
          <ConformForm form={joinForm} intent="join" aria-labelledby="adhesion-titre">
            {charter ? (
              <>
                <input type="hidden" name="version" value={charter.version} />
                <CheckboxField meta={joinFields.accept} label={t.acceptToJoin(charter.version)} />
              </>
            ) : null}
            <SubmitButton>{t.join}</SubmitButton>
          </ConformForm>
        ) : standing?.kind === "to-accept" ? (
          <>
            <p>{t.changed(standing.acceptedVersion, standing.version)}</p>
            <ConformForm form={acceptForm} intent="accept" aria-labelledby="adhesion-titre">
              <input type="hidden" name="version" value={standing.version} />
              <CheckboxField meta={acceptFields.accept} label={t.acceptNew(standing.version)} />
              <SubmitButton>{t.acceptSubmit}</SubmitButton>
            </ConformForm>
          </>
        ) : (
          <p>{t.member(standing?.kind === "up-to-date" ? standing.version : null)}</p>
        )}
        {member ? (
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="leave" />
            <button type="submit" className="button button--ghost">
              {t.leave}
            </button>
          </Form>
        ) : null}
      </section>

      {history.length > 0 ? (
        <section aria-labelledby="versions-titre">
          <h2 id="versions-titre">{t.versionsTitle}</h2>
          <DataTable className="" captionClassName="visually-hidden" caption={t.versionsCaption}>
            <thead>
              <tr>
                <th scope="col">{t.versionColumn}</th>
                <th scope="col">{t.publishedOn}</th>
                <th scope="col">{t.changedColumn}</th>
                <th scope="col">{t.acceptances}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((v) => (
                <tr key={v.version}>
                  <td>{v.version}</td>
                  <td>{format.date(v.publishedAt)}</td>
                  <td>{v.changeNote || "—"}</td>
                  <td>{format.integer(v.acceptances)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      ) : null}

      {staff ? (
        <section aria-labelledby="publier-titre">
          <h2 id="publier-titre">{t.publishTitle}</h2>
          <p>{t.publishIntro}</p>
          <ConformForm form={publishForm} intent="publish" aria-labelledby="publier-titre">
            <TextAreaField meta={publishFields.body} label={t.body} hint={t.bodyHint} rows={14} />
            <TextAreaField meta={publishFields.changeNote} label={t.changeNote} rows={3} />
            <SubmitButton>{t.publish(history.length + 1)}</SubmitButton>
          </ConformForm>
        </section>
      ) : null}
    </div>
  );
}
