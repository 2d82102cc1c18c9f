import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { MailSent } from "~/components/mail-sent";
import { TextField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { authorize } from "~/guards/authorize.server";
import { requestPasswordReset } from "~/models/account.server";
import { forgotPasswordSchema } from "~/schemas/auth";
import { getDb } from "~/utils/db.server";
import { outboxDescription } from "~/utils/mail.server";
import { replyInvalid } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: metaText(matches).auth.forgot.metaTitle }];

export function loader({ request }: LoaderFunctionArgs) {
  authorize(request, "mot-de-passe-oublie._index");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  authorize(request, "mot-de-passe-oublie._index", formData);
  const submission = parseWithZod(formData, { schema: forgotPasswordSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  // The same answer, after the same work, whether or not the address has an account.
  requestPasswordReset(getDb(), submission.value.email, new Date());
  return { sent: true as const, email: submission.value.email, outbox: outboxDescription() };
}

export default function ForgotPassword() {
  const sent = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(forgotPasswordSchema, { id: "mot-de-passe-oublie" });
  const t = useT().auth;
  if (sent && "sent" in sent) {
    return (
      <MailSent title={t.checkInbox} outbox={sent.outbox}>
        <p>
          {t.forgot.sentBefore} <strong>{sent.email}</strong>
          {t.forgot.sentAfter}
        </p>
        <p>
          {t.notReceived} <a href="/mot-de-passe-oublie">{t.forgot.newLink}</a>.
        </p>
        <p>
          <a href="/connexion">{t.forgot.backToSignIn}</a>
        </p>
      </MailSent>
    );
  }
  return (
    <div className="container narrow">
      <h1>{t.forgot.title}</h1>
      <p>{t.forgot.intro}</p>
      <ConformForm form={form}>
        <TextField meta={fields.email} label={t.email} type="email" autoComplete="email" />
        <SubmitButton>{t.forgot.submit}</SubmitButton>
      </ConformForm>
      <p>
        {t.forgot.remembered} <a href="/connexion">{t.signInLink}</a>.
      </p>
    </div>
  );
}
