import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CheckboxField, TextAreaField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { formatDate, formatInteger, plural } from "~/domain/format";
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

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Charte et adhésion — ${data.pole.name} — Maillon` : "Pôle introuvable — Maillon" },
];

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
  switch (permit.intent) {
    case "join": {
      const submission = parseWithZod(formData, { schema: joinPoleSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "join" });
      const readVersion = submission.value.accept ? (submission.value.version ?? null) : null;
      const outcome = joinPole(db, pole, { id: auth.user.id, displayName: auth.user.displayName }, readVersion, now);
      if (!outcome.ok) return replyRefused(outcome, { submission, formId: "join" });
      return redirectWithFlash(`/poles/${territory.slug}`, `Bienvenue dans le ${territory.name} ! Vous pouvez maintenant rejoindre ses groupes de travail.`);
    }
    case "accept": {
      const submission = parseWithZod(formData, { schema: acceptCharterSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "accept" });
      const outcome = acceptCurrentCharter(db, territory.id, auth.user.id, submission.value.version, now);
      if (!outcome.ok) return replyRefused(outcome, { submission, formId: "accept" });
      return redirectWithFlash(here, "Merci : vous avez accepté la nouvelle version de la charte.");
    }
    case "leave": {
      const outcome = leavePole(db, territory.id, auth.user.id);
      if (!outcome.ok) return replyRefused(outcome, { formId: "leave" });
      return redirectWithFlash(here, `Vous avez quitté le ${territory.name} et ses groupes de travail.`);
    }
    case "publish": {
      const submission = parseWithZod(formData, { schema: publishCharterSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "publish" });
      const outcome = publishCharter(db, auth, territory.id, { body: submission.value.body, changeNote: submission.value.changeNote ?? "" }, now);
      if (!outcome.ok) return replyRefused(outcome, { submission, formId: "publish" });
      return redirectWithFlash(here, `Version ${outcome.version} de la charte publiée : chaque membre sera invité à l'accepter à sa prochaine visite.`);
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
  const member = standing ? standing.kind === "to-accept" || standing.kind === "up-to-date" || (standing.kind === "no-charter" && standing.member) : false;

  return (
    <div className="container">
      <p className="eyebrow">
        <Link to={`/poles/${pole.slug}`}>{pole.name}</Link>
      </p>
      <h1>Charte et adhésion</h1>
      <p>
        Rejoindre le pôle, c'est accepter sa charte : les valeurs et les règles que ses membres se donnent pour coopérer.{" "}
        {plural(memberCount, "membre")} l'ont rejointe à ce jour.
      </p>

      {charter ? (
        <section aria-labelledby="charte-titre">
          <h2 id="charte-titre">
            La charte, version {formatInteger(charter.version)} du {formatDate(charter.publishedAt)}
          </h2>
          {charter.changeNote ? (
            <p>
              <strong>Ce qui change :</strong> {charter.changeNote}
            </p>
          ) : null}
          <div>
            {charter.paragraphs.map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        </section>
      ) : (
        <p>Ce pôle n'a pas encore publié de charte : on le rejoint simplement en le demandant ici.</p>
      )}

      <section aria-labelledby="adhesion-titre">
        <h2 id="adhesion-titre">Votre adhésion</h2>
        {!signedIn ? (
          <p>
            <Link to={`/connexion?redirectTo=/poles/${pole.slug}/charte`}>Connectez-vous</Link> ou{" "}
            <Link to="/inscription">créez un compte</Link> pour rejoindre le pôle.
          </p>
        ) : standing?.kind === "not-member" || (standing?.kind === "no-charter" && !standing.member) ? (
          <ConformForm form={joinForm} intent="join" aria-labelledby="adhesion-titre">
            {charter ? (
              <>
                <input type="hidden" name="version" value={charter.version} />
                <CheckboxField meta={joinFields.accept} label={`J'ai lu la charte (version ${charter.version}) et je l'accepte.`} />
              </>
            ) : null}
            <SubmitButton>Rejoindre le pôle</SubmitButton>
          </ConformForm>
        ) : standing?.kind === "to-accept" ? (
          <>
            <p>
              La charte a changé depuis {standing.acceptedVersion ? `la version ${standing.acceptedVersion} que vous aviez acceptée` : "votre adhésion"} :
              lisez la version {standing.version} ci-dessus et acceptez-la pour rester pleinement membre.
            </p>
            <ConformForm form={acceptForm} intent="accept" aria-labelledby="adhesion-titre">
              <input type="hidden" name="version" value={standing.version} />
              <CheckboxField meta={acceptFields.accept} label={`J'ai lu la version ${standing.version} de la charte et je l'accepte.`} />
              <SubmitButton>Accepter la nouvelle version</SubmitButton>
            </ConformForm>
          </>
        ) : (
          <p>Vous êtes membre du pôle{standing?.kind === "up-to-date" ? ` et vous avez accepté la version ${standing.version} de sa charte` : ""}.</p>
        )}
        {member ? (
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="leave" />
            <button type="submit" className="button button--ghost">
              Quitter le pôle
            </button>
          </Form>
        ) : null}
      </section>

      {history.length > 0 ? (
        <section aria-labelledby="versions-titre">
          <h2 id="versions-titre">Les versions de la charte</h2>
          <table>
            <caption className="visually-hidden">Versions publiées de la charte, de la plus récente à la plus ancienne</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Publiée le</th>
                <th scope="col">Ce qui a changé</th>
                <th scope="col">Acceptations</th>
              </tr>
            </thead>
            <tbody>
              {history.map((v) => (
                <tr key={v.version}>
                  <td>{v.version}</td>
                  <td>{formatDate(v.publishedAt)}</td>
                  <td>{v.changeNote || "—"}</td>
                  <td>{formatInteger(v.acceptances)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {staff ? (
        <section aria-labelledby="publier-titre">
          <h2 id="publier-titre">Publier une nouvelle version</h2>
          <p>Chaque membre sera invité à accepter la nouvelle version à sa prochaine visite ; les acceptations précédentes restent enregistrées.</p>
          <ConformForm form={publishForm} intent="publish" aria-labelledby="publier-titre">
            <TextAreaField meta={publishFields.body} label="Texte de la charte" hint="Séparez les paragraphes par une ligne vide." rows={14} />
            <TextAreaField meta={publishFields.changeNote} label="Ce qui change (facultatif)" rows={3} />
            <SubmitButton>Publier la version {history.length + 1}</SubmitButton>
          </ConformForm>
        </section>
      ) : null}
    </div>
  );
}
