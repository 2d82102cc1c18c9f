import { getCollectionProps } from "@conform-to/react";
import { AccountSessions } from "~/components/account-sessions";
import { accountSessions, isSessionIntent, signOutSessions } from "~/guards/account-sessions.server";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FieldError, TextField } from "~/components/ui/field";
import { ROLE_LABELS, SELF_SERVICE_ROLES, type SelfServiceRole } from "~/domain/catalog";
import { communeLabel, getCommune } from "~/models/commune.server";
import { checkCurrentPassword } from "~/guards/current-password.server";
import { grantRoles, revokeRoles, updatePasswordHash } from "~/models/user.server";
import { requestAddressChange } from "~/models/account.server";
import { pendingAddressChange } from "~/models/email-token.server";
import { formatDateTime } from "~/domain/format";
import { changeEmailSchema, changePasswordSchema } from "~/schemas/auth";
import { startSession } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { hashPassword, newPasswordProblem } from "~/utils/password.server";
import { invalidateAllSessions } from "~/utils/session.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { passRetryAfter, replyInvalid, replyRefused } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";

/** A 429 carries its Retry-After. */
export const headers = passRetryAfter;

export const meta: MetaFunction = () => [{ title: "Mon compte — Maillon" }];

const rolesSchema = z.object({
  roles: z
    .array(z.enum(SELF_SERVICE_ROLES, { error: "Rôle inconnu." }), { error: "Gardez au moins un rôle." })
    .min(1, { error: "Gardez au moins un rôle." }),
});

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "compte");
  const commune = getCommune(getDb(), auth.user.communeCode);
  return {
    email: auth.user.email,
    displayName: auth.user.displayName,
    commune: commune ? communeLabel(commune) : auth.user.communeCode,
    roles: auth.roles,
    sessions: accountSessions(auth),
    pendingEmail: pendingAddressChange(getDb(), auth.user.id, new Date()),
  };
}

const PASSWORD_FORM = "mot-de-passe";
const EMAIL_FORM = "adresse";

export async function action({ request, context }: ActionFunctionArgs) {
  signInFirst(request, "compte");
  const formData = await readFormData(request);
  const { auth } = authorize(request, "compte", formData);
  const db = getDb();
  const intent = formData.get("intent");
  if (isSessionIntent(intent)) return signOutSessions(auth, intent, formData);

  if (intent === "roles") {
    const submission = parseWithZod(formData, { schema: rolesSchema });
    if (submission.status !== "success") return replyInvalid(submission, { formId: "roles" });
    const wanted = new Set<SelfServiceRole>(submission.value.roles);
    grantRoles(db, auth.user.id, [...wanted]);
    revokeRoles(
      db,
      auth.user.id,
      SELF_SERVICE_ROLES.filter((r) => !wanted.has(r)),
    );
    return redirectWithFlash("/compte", "Vos rôles ont été mis à jour.");
  }

  if (formData.get("intent") === "email") {
    const submission = parseWithZod(formData, { schema: changeEmailSchema });
    const options = { formId: EMAIL_FORM, hideFields: ["currentPassword"] };
    if (submission.status !== "success") return replyInvalid(submission, options);
    const checked = await checkCurrentPassword(db, auth.user, submission.value.currentPassword, context.clientAddress);
    if (!checked.ok && checked.throttled) return replyRefused(checked.throttled, { ...options, submission });
    if (!checked.ok) return replyInvalid(submission, { ...options, fieldErrors: { currentPassword: ["Mot de passe actuel incorrect."] } });
    const asked = requestAddressChange(db, auth.user.id, submission.value.newEmail, new Date());
    if (!asked.ok) return replyRefused(asked, { ...options, submission });
    return redirectWithFlash("/compte", `Un lien de confirmation vient de partir vers ${submission.value.newEmail} : votre adresse changera quand vous l'ouvrirez.`);
  }

  const submission = parseWithZod(formData, { schema: changePasswordSchema });
  const options = { formId: PASSWORD_FORM, hideFields: ["currentPassword", "newPassword", "confirmPassword"] };
  if (submission.status !== "success") return replyInvalid(submission, options);
  const { currentPassword, newPassword } = submission.value;

  const checked = await checkCurrentPassword(db, auth.user, currentPassword, context.clientAddress);
  if (!checked.ok && checked.throttled) return replyRefused(checked.throttled, { ...options, submission });
  if (!checked.ok) return replyInvalid(submission, { ...options, fieldErrors: { currentPassword: ["Mot de passe actuel incorrect."] } });
  const weakness = newPasswordProblem(newPassword, auth.user);
  if (weakness) return replyInvalid(submission, { ...options, fieldErrors: { newPassword: [weakness] } });
  const now = new Date();
  updatePasswordHash(db, auth.user.id, await hashPassword(newPassword), now);
  // A new password ends every session, this one included; this browser gets a fresh one.
  invalidateAllSessions(db, auth.user.id);
  return redirectWithFlash("/compte", "Votre mot de passe a été modifié. Vos autres sessions ont été fermées.", {
    headers: { "Set-Cookie": startSession(auth.user.id, now, request.headers.get("User-Agent")) },
  });
}

export default function Account() {
  const account = useLoaderData<typeof loader>();

  const [passwordForm, passwordFields] = useSchemaForm(changePasswordSchema, {
    id: PASSWORD_FORM,
    reply: PASSWORD_FORM,
  });
  const [emailForm, emailFields] = useSchemaForm(changeEmailSchema, { id: EMAIL_FORM, reply: EMAIL_FORM });
  const [rolesForm, rolesFields] = useSchemaForm(rolesSchema, {
    id: "roles",
    defaultValue: { roles: account.roles.filter((r) => (SELF_SERVICE_ROLES as readonly string[]).includes(r)) },
    reply: "roles",
  });

  return (
    <div className="container narrow">
      <h1>Mon compte</h1>
      <p>
        <a href="/notifications">Mes notifications</a> · <a href="/compte/notifications">Choisir ce que je reçois par e-mail</a> ·{" "}
        <a href="/compte/donnees">Mes données : les télécharger, supprimer mon compte</a>
      </p>
      <dl className="details">
        <dt>Nom affiché</dt>
        <dd>{account.displayName}</dd>
        <dt>Adresse e-mail</dt>
        <dd>{account.email}</dd>
        <dt>Commune</dt>
        <dd>{account.commune}</dd>
        <dt>Rôles</dt>
        <dd>{account.roles.map((r) => ROLE_LABELS[r]).join(", ") || "Aucun"}</dd>
      </dl>

      <h2 id="roles-titre">Mes rôles</h2>
      <ConformForm form={rolesForm} intent="roles" aria-labelledby="roles-titre">
        <div className="field">
          <fieldset>
            <legend>Je participe comme…</legend>
            <div className="checkbox-list">
              {getCollectionProps(rolesFields.roles, { type: "checkbox", options: [...SELF_SERVICE_ROLES] }).map(
                ({ key, ...props }) => (
                  <label key={key}>
                    <input {...props} />
                    <span>{ROLE_LABELS[props.value as SelfServiceRole]}</span>
                  </label>
                ),
              )}
            </div>
          </fieldset>
          <FieldError meta={rolesFields.roles} />
        </div>
        <SubmitButton className="button--ghost">Enregistrer mes rôles</SubmitButton>
      </ConformForm>

      <h2 id="adresse-titre">Changer d'adresse e-mail</h2>
      {account.pendingEmail ? (
        <p className="alert">
          Changement en attente : un lien de confirmation a été envoyé à <strong>{account.pendingEmail.email}</strong>,
          valable jusqu'au {formatDateTime(new Date(account.pendingEmail.expiresAt))}. Votre adresse reste{" "}
          {account.email} tant qu'il n'est pas ouvert.
        </p>
      ) : null}
      <ConformForm form={emailForm} intent="email" aria-labelledby="adresse-titre">
        <TextField
          meta={emailFields.newEmail}
          label="Nouvelle adresse e-mail"
          type="email"
          autoComplete="email"
          hint="Un lien de confirmation y sera envoyé ; l'adresse actuelle en sera prévenue."
        />
        <TextField meta={emailFields.currentPassword} label="Votre mot de passe, pour confirmer" type="password" autoComplete="current-password" />
        <SubmitButton className="button--ghost">Changer d'adresse</SubmitButton>
      </ConformForm>

      <h2 id="mdp-titre">Changer de mot de passe</h2>
      <ConformForm form={passwordForm} intent="password" aria-labelledby="mdp-titre">
        <TextField
          meta={passwordFields.currentPassword}
          label="Mot de passe actuel"
          type="password"
          autoComplete="current-password"
        />
        <TextField
          meta={passwordFields.newPassword}
          label="Nouveau mot de passe"
          type="password"
          autoComplete="new-password"
          hint="Au moins 12 caractères. Vos autres sessions seront fermées."
        />
        <TextField
          meta={passwordFields.confirmPassword}
          label="Confirmation du nouveau mot de passe"
          type="password"
          autoComplete="new-password"
        />
        <SubmitButton>Changer mon mot de passe</SubmitButton>
      </ConformForm>

      <AccountSessions sessions={account.sessions} />
    </div>
  );
}
