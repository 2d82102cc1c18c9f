import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { CheckboxField, TextField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { formatInteger } from "~/domain/format";
import { EXPORT_PARTS } from "~/domain/personal-data";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { checkCurrentPassword } from "~/guards/current-password.server";
import { deleteAccount, deletionBlockers } from "~/models/account-deletion.server";
import { exportPersonalData } from "~/models/personal-data.server";
import { deleteAccountSchema } from "~/schemas/auth";
import { clearedSessionCookie } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readFormData } from "~/utils/http.server";
import { passRetryAfter, replyInvalid, replyRefused } from "~/utils/reply.server";

/** A 429 carries its Retry-After. */
export const headers = passRetryAfter;

export const meta: MetaFunction = () => [{ title: "Mes données — Maillon" }];

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "compte_.donnees");
  const db = getDb();
  const now = new Date();
  const parts = (exportPersonalData(db, auth.user.id, now)?.parties ?? {}) as Record<string, unknown[]>;
  return {
    held: Object.entries(parts).map(([name, rows]) => ({ name, rows: rows.length, what: EXPORT_PARTS[name] ?? name })),
    blockers: deletionBlockers(db, auth.user.id, now),
  };
}

const DELETE_FORM = "suppression";

export async function action({ request, context }: ActionFunctionArgs) {
  signInFirst(request, "compte_.donnees");
  const formData = await readFormData(request);
  const { auth } = authorize(request, "compte_.donnees", formData);
  const db = getDb();
  const submission = parseWithZod(formData, { schema: deleteAccountSchema });
  const options = { formId: DELETE_FORM, hideFields: ["currentPassword"] };
  if (submission.status !== "success") return replyInvalid(submission, options);

  const checked = await checkCurrentPassword(db, auth.user, submission.value.currentPassword, context.clientAddress);
  if (!checked.ok && checked.throttled) return replyRefused(checked.throttled, { ...options, submission });
  if (!checked.ok) return replyInvalid(submission, { ...options, fieldErrors: { currentPassword: ["Mot de passe incorrect."] } });
  const deleted = deleteAccount(db, auth.user.id, new Date());
  if (!deleted.ok) return replyRefused(deleted, { ...options, submission });
  return redirectWithFlash("/", "Votre compte a été supprimé. Merci d'avoir participé à la vie du pôle.", {
    headers: { "Set-Cookie": clearedSessionCookie() },
  });
}

export default function PersonalData() {
  const { held, blockers } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(deleteAccountSchema, { id: DELETE_FORM, reply: DELETE_FORM });
  return (
    <div className="container narrow">
      <h1>Mes données</h1>
      <p>
        Vous pouvez télécharger tout ce que Maillon garde sur vous, et supprimer votre compte. Ce que nous gardons, pourquoi et
        combien de temps : voir la <a href="/confidentialite">politique de confidentialité</a>.
      </p>

      <h2>Ce que Maillon garde sur vous</h2>
      {held.length === 0 ? (
        <p>Rien d'autre que votre compte.</p>
      ) : (
        <ul>
          {held.map((part) => (
            <li key={part.name}>
              {part.what} ({formatInteger(part.rows)} {part.rows > 1 ? "éléments" : "élément"})
            </li>
          ))}
        </ul>
      )}
      <p>
        <a className="button" href="/compte/donnees.json" download>
          Télécharger mes données (JSON)
        </a>
      </p>
      <p className="hint">
        Un fichier JSON lisible par d'autres services. Il commence par un « lisez-moi » qui explique chaque partie. Les mots
        de passe et les jetons de connexion n'y figurent pas.
      </p>

      <h2 id="suppression-titre">Supprimer mon compte</h2>
      <p>
        La suppression efface votre adresse, votre nom, votre mot de passe, vos connexions, votre profil et vos préférences.
        Ce dont d'autres dépendent reste, sans votre nom (« Membre parti ») : les écritures des clubs, les votes, les
        promesses de soutien, les séances d'accompagnement et leurs heures, les articles et commentaires. Vos projets sans
        engagement sont clôturés ; vos inscriptions à venir et vos demandes de réservation sont annulées.
      </p>
      {blockers.length > 0 ? (
        <>
          <Alert>Avant de pouvoir supprimer votre compte, réglez d'abord ces points :</Alert>
          <ul>
            {blockers.map((b) => (
              <li key={b.message}>
                {b.message} <a href={b.href}>Y aller</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ConformForm form={form} aria-labelledby="suppression-titre">
        <TextField meta={fields.currentPassword} label="Votre mot de passe, pour confirmer" type="password" autoComplete="current-password" />
        <CheckboxField meta={fields.understood} label="Je comprends que la suppression est définitive." />
        <SubmitButton className="button--danger">Supprimer mon compte</SubmitButton>
      </ConformForm>
    </div>
  );
}
