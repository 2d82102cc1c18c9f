import { getCollectionProps } from "@conform-to/react";
import { AccountSessions } from "~/components/account-sessions";
import { accountSessions, isSessionIntent, signOutSessions } from "~/guards/account-sessions.server";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { FieldError, TextField } from "~/components/ui/field";
import { SELF_SERVICE_ROLES, type SelfServiceRole } from "~/domain/catalog";
import { communeLabel, getCommune } from "~/models/commune.server";
import { checkCurrentPassword } from "~/guards/current-password.server";
import { grantRoles, revokeRoles, updatePasswordHash } from "~/models/user.server";
import { requestAddressChange } from "~/models/account.server";
import { pendingAddressChange } from "~/models/email-token.server";
import { changeEmailSchema, changePasswordSchema, rolesSchema } from "~/schemas/auth";
import { startSession } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { hashPassword, newPasswordProblem } from "~/utils/password.server";
import { invalidateAllSessions } from "~/utils/session.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { passRetryAfter, replyInvalid, replyRefused } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

/** A 429 carries its Retry-After. */
export const headers = passRetryAfter;

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: metaText(matches).account.page.metaTitle }];

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
  const t = requestText(request).t.account.page;
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
    return redirectWithFlash("/compte", t.rolesSaved);
  }

  if (formData.get("intent") === "email") {
    const submission = parseWithZod(formData, { schema: changeEmailSchema });
    const options = { formId: EMAIL_FORM, hideFields: ["currentPassword"] };
    if (submission.status !== "success") return replyInvalid(submission, options);
    const checked = await checkCurrentPassword(db, auth.user, submission.value.currentPassword, context.clientAddress);
    if (!checked.ok && checked.throttled) return replyRefused(checked.throttled, { ...options, submission });
    if (!checked.ok) return replyInvalid(submission, { ...options, fieldErrors: { currentPassword: [t.wrongPassword] } });
    const asked = requestAddressChange(db, auth.user.id, submission.value.newEmail, new Date());
    if (!asked.ok) return replyRefused(asked, { ...options, submission });
    return redirectWithFlash("/compte", t.addressLinkSent(submission.value.newEmail));
  }

  const submission = parseWithZod(formData, { schema: changePasswordSchema });
  const options = { formId: PASSWORD_FORM, hideFields: ["currentPassword", "newPassword", "confirmPassword"] };
  if (submission.status !== "success") return replyInvalid(submission, options);
  const { currentPassword, newPassword } = submission.value;

  const checked = await checkCurrentPassword(db, auth.user, currentPassword, context.clientAddress);
  if (!checked.ok && checked.throttled) return replyRefused(checked.throttled, { ...options, submission });
  if (!checked.ok) return replyInvalid(submission, { ...options, fieldErrors: { currentPassword: [t.wrongPassword] } });
  const weakness = newPasswordProblem(newPassword, auth.user);
  if (weakness) return replyInvalid(submission, { ...options, fieldErrors: { newPassword: [weakness] } });
  const now = new Date();
  updatePasswordHash(db, auth.user.id, await hashPassword(newPassword), now);
  // A new password ends every session, this one included; this browser gets a fresh one.
  invalidateAllSessions(db, auth.user.id);
  return redirectWithFlash("/compte", t.passwordChanged, {
    headers: { "Set-Cookie": startSession(auth.user.id, now, request.headers.get("User-Agent")) },
  });
}

export default function Account() {
  const account = useLoaderData<typeof loader>();
  const t = useT().account.page;
  const roleLabels = useT().vocabulary.role;
  const format = useFormat();

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
      <h1>{t.title}</h1>
      <p>
        <a href="/notifications">{t.notificationsLink}</a> · <a href="/compte/notifications">{t.emailChoicesLink}</a> ·{" "}
        <a href="/compte/donnees">{t.dataLink}</a>
      </p>
      <dl className="details">
        <dt>{t.displayName}</dt>
        <dd>{account.displayName}</dd>
        <dt>{t.email}</dt>
        <dd>{account.email}</dd>
        <dt>{t.commune}</dt>
        <dd>{account.commune}</dd>
        <dt>{t.roles}</dt>
        <dd>{account.roles.map((r) => roleLabels[r]).join(", ") || t.noRole}</dd>
      </dl>

      <h2 id="roles-titre">{t.rolesTitle}</h2>
      <ConformForm form={rolesForm} intent="roles" aria-labelledby="roles-titre">
        <div className="field">
          <fieldset>
            <legend>{t.rolesLegend}</legend>
            <div className="checkbox-list">
              {getCollectionProps(rolesFields.roles, { type: "checkbox", options: [...SELF_SERVICE_ROLES] }).map(
                ({ key, ...props }) => (
                  <label key={key}>
                    <input {...props} />
                    <span>{roleLabels[props.value as SelfServiceRole]}</span>
                  </label>
                ),
              )}
            </div>
          </fieldset>
          <FieldError meta={rolesFields.roles} />
        </div>
        <SubmitButton className="button--ghost">{t.saveRoles}</SubmitButton>
      </ConformForm>

      <h2 id="adresse-titre">{t.addressTitle}</h2>
      {account.pendingEmail ? (
        <p className="alert">
          {t.pendingBefore} <strong>{account.pendingEmail.email}</strong>
          {t.pendingAfter(format.dateTime(new Date(account.pendingEmail.expiresAt)), account.email)}
        </p>
      ) : null}
      <ConformForm form={emailForm} intent="email" aria-labelledby="adresse-titre">
        <TextField
          meta={emailFields.newEmail}
          label={t.newEmail}
          type="email"
          autoComplete="email"
          hint={t.newEmailHint}
        />
        <TextField meta={emailFields.currentPassword} label={t.confirmWithPassword} type="password" autoComplete="current-password" />
        <SubmitButton className="button--ghost">{t.changeAddress}</SubmitButton>
      </ConformForm>

      <h2 id="mdp-titre">{t.passwordTitle}</h2>
      <ConformForm form={passwordForm} intent="password" aria-labelledby="mdp-titre">
        <TextField
          meta={passwordFields.currentPassword}
          label={t.currentPassword}
          type="password"
          autoComplete="current-password"
        />
        <TextField
          meta={passwordFields.newPassword}
          label={t.newPassword}
          type="password"
          autoComplete="new-password"
          hint={t.newPasswordHint}
        />
        <TextField
          meta={passwordFields.confirmPassword}
          label={t.confirmPassword}
          type="password"
          autoComplete="new-password"
        />
        <SubmitButton>{t.changePassword}</SubmitButton>
      </ConformForm>

      <AccountSessions sessions={account.sessions} />
    </div>
  );
}
