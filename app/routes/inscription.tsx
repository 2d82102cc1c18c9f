import { getCollectionProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CommuneField } from "~/components/commune-field";
import { FieldError, TextField } from "~/components/ui/field";
import { SELF_SERVICE_ROLES, type SelfServiceRole } from "~/domain/catalog";
import { resolveCommune } from "~/models/commune-resolution.server";
import { communeChoices } from "~/guards/project-form.server";
import { requestSignUp } from "~/models/account.server";
import { requestLocale } from "~/utils/locale.server";
import { signUpSchema } from "~/schemas/auth";
import { getDb } from "~/utils/db.server";
import { hashPassword, newPasswordProblem } from "~/utils/password.server";
import { outboxDescription } from "~/utils/mail.server";
import { MailSent } from "~/components/mail-sent";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { replyInvalid } from "~/utils/reply.server";
import { ConformForm, useSchemaForm } from "~/components/ui/form";
import { readFormData } from "~/utils/http.server";
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: metaText(matches).auth.signUp.metaTitle }];

export function loader({ request }: LoaderFunctionArgs) {
  authorize(request, "inscription");
  const role = new URL(request.url).searchParams.get("role");
  const preselected = SELF_SERVICE_ROLES.find((r) => r === role);
  return { preselected: preselected ? [preselected] : [] };
}

export async function action({ request }: ActionFunctionArgs) {
  signInFirst(request, "inscription");
  const formData = await readFormData(request);
  authorize(request, "inscription", formData);
  const submission = parseWithZod(formData, { schema: signUpSchema });
  if (submission.status !== "success") {
    return replyInvalid(submission, { hideFields: ["password"] });
  }
  const input = submission.value;
  const db = getDb();
  const fieldErrors: Record<string, string[]> = {};

  const weakness = newPasswordProblem(input.password, { email: input.email, displayName: input.displayName });
  if (weakness) fieldErrors.password = [weakness];
  const commune = resolveCommune(db, input.commune, input.communeCode);
  if (!commune.ok) fieldErrors.commune = [commune.message];
  if (Object.keys(fieldErrors).length > 0 || !commune.ok) {
    return replyInvalid(submission, { fieldErrors, hideFields: ["password"], choices: communeChoices(commune) });
  }

  // The same answer, after the same work, for a new address and one that has an account: the first gets
  // the link that creates the account, the second a note to its owner (app/models/account.server.ts).
  const passwordHash = await hashPassword(input.password);
  requestSignUp(
    db,
    { email: input.email, displayName: input.displayName, passwordHash, communeCode: commune.commune.code, roles: input.roles, locale: requestLocale(request) },
    new Date(),
  );
  return { sent: true as const, email: input.email, outbox: outboxDescription() };
}

export default function SignUp() {
  const { preselected } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const [form, fields] = useSchemaForm(signUpSchema, { id: "inscription", defaultValue: { roles: preselected } });
  const sent = useActionData<typeof action>();
  const t = useT().auth;
  const roleLabels = useT().vocabulary.role;
  if (sent && "sent" in sent) {
    return (
      <MailSent title={t.checkInbox} outbox={sent.outbox}>
        <p>
          {t.signUp.sentBefore} <strong>{sent.email}</strong>
          {t.signUp.sentAfter}
        </p>
        <p>
          {t.notReceived} <a href="/inscription">{t.signUp.restartLink}</a>. {t.haveAccount}{" "}
          <a href="/connexion">{t.signInLink}</a>.
        </p>
      </MailSent>
    );
  }

  return (
    <div className="container narrow">
      <h1>{t.signUp.title}</h1>
      <p>
        {t.signUp.intro} {t.haveAccount} <a href="/connexion">{t.signInLink}</a>.
      </p>
      <ConformForm form={form}>
        <TextField meta={fields.email} label={t.email} type="email" autoComplete="email" />
        <TextField
          meta={fields.displayName}
          label={t.signUp.displayName}
          hint={t.signUp.displayNameHint}
          autoComplete="name"
        />
        <TextField
          meta={fields.password}
          label={t.password}
          type="password"
          autoComplete="new-password"
          hint={t.passwordHint}
        />
        <CommuneField meta={fields.commune} codeMeta={fields.communeCode} />
        <div className="field">
          <fieldset aria-describedby={fields.roles.errors ? fields.roles.errorId : undefined}>
            <legend>{t.signUp.rolesLegend}</legend>
            <div className="checkbox-list">
              {getCollectionProps(fields.roles, { type: "checkbox", options: [...SELF_SERVICE_ROLES] }).map(
                ({ key, ...props }) => {
                  const role = props.value as SelfServiceRole;
                  return (
                    <label key={key}>
                      <input {...props} />
                      <span>
                        <strong>{roleLabels[role]}</strong> — {t.signUp.roleHints[role]}
                      </span>
                    </label>
                  );
                },
              )}
            </div>
            <p className="hint">{t.signUp.rolesHint}</p>
          </fieldset>
          <FieldError meta={fields.roles} />
        </div>
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t.signUp.submit}
          </button>
        </div>
      </ConformForm>
    </div>
  );
}
