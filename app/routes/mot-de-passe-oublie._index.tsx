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

export const meta: MetaFunction = () => [{ title: "Mot de passe oublié — Maillon" }];

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
  if (sent && "sent" in sent) {
    return (
      <MailSent title="Vérifiez votre boîte de réception" outbox={sent.outbox}>
        <p>
          Si un compte Maillon utilise l'adresse <strong>{sent.email}</strong>, un message vient d'y partir avec un lien
          pour choisir un nouveau mot de passe. Ce lien est valable une heure et ne sert qu'une fois.
        </p>
        <p>
          Rien reçu après quelques minutes ? Regardez dans les indésirables, ou <a href="/mot-de-passe-oublie">demandez un
          nouveau lien</a>.
        </p>
        <p>
          <a href="/connexion">Retour à la connexion</a>
        </p>
      </MailSent>
    );
  }
  return (
    <div className="container narrow">
      <h1>Mot de passe oublié</h1>
      <p>Indiquez l'adresse de votre compte : nous y enverrons un lien pour choisir un nouveau mot de passe.</p>
      <ConformForm form={form}>
        <TextField meta={fields.email} label="Adresse e-mail" type="email" autoComplete="email" />
        <SubmitButton>Recevoir un lien</SubmitButton>
      </ConformForm>
      <p>
        Vous vous en souvenez ? <a href="/connexion">Connectez-vous</a>.
      </p>
    </div>
  );
}
