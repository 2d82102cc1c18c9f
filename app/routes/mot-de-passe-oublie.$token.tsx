import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DeadLink } from "~/components/mail-sent";
import { TextField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { authorize } from "~/guards/authorize.server";
import { checkResetToken, resetPassword } from "~/models/account.server";
import { forgiveSignInFailures } from "~/models/sign-in-failure.server";
import { resetPasswordSchema } from "~/schemas/auth";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { hashPassword, newPasswordProblem } from "~/utils/password.server";
import { replyInvalid } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ matches }) => [
  { title: metaText(matches).auth.reset.metaTitle },
  { name: "referrer", content: "same-origin" },
];

/** A link that opens nothing: a page that says why, with the way to ask again (404, never a 500). */
function dead(message: string) {
  return data({ dead: message }, { status: 404 });
}

export function loader({ request, params }: LoaderFunctionArgs) {
  authorize(request, "mot-de-passe-oublie.$token");
  const check = checkResetToken(getDb(), params.token ?? "", new Date());
  return check.ok ? { dead: null } : dead(check.message);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  authorize(request, "mot-de-passe-oublie.$token", formData);
  const db = getDb();
  const token = params.token ?? "";
  const check = checkResetToken(db, token, new Date());
  if (!check.ok) return dead(check.message);
  const submission = parseWithZod(formData, { schema: resetPasswordSchema });
  const hide = { hideFields: ["password"] };
  if (submission.status !== "success") return replyInvalid(submission, hide);
  const weakness = newPasswordProblem(submission.value.password);
  if (weakness) return replyInvalid(submission, { ...hide, fieldErrors: { password: [weakness] } });
  const passwordHash = await hashPassword(submission.value.password);
  const done = resetPassword(db, token, passwordHash, new Date());
  if (!done.ok) return dead(done.message);
  // A person locked out by too many wrong tries can sign in with the new password at once.
  forgiveSignInFailures(db, done.email);
  return redirectWithFlash("/connexion", requestText(request).t.auth.reset.done);
}

export default function ResetPassword() {
  const loaded = useLoaderData<typeof loader>();
  const answered = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(resetPasswordSchema, { id: "nouveau-mot-de-passe" });
  const t = useT().auth.reset;
  const deadMessage = (answered && "dead" in answered ? answered.dead : null) ?? loaded.dead;
  if (deadMessage) {
    return (
      <DeadLink
        title={t.deadTitle}
        message={deadMessage}
        again={{ href: "/mot-de-passe-oublie", label: t.again }}
      />
    );
  }
  return (
    <div className="container narrow">
      <h1>{t.title}</h1>
      <ConformForm form={form}>
        <TextField
          meta={fields.password}
          label={t.password}
          type="password"
          autoComplete="new-password"
          hint={t.hint}
        />
        <SubmitButton>{t.submit}</SubmitButton>
      </ConformForm>
    </div>
  );
}
