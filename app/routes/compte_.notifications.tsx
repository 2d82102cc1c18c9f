import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { optionsFrom, RadioGroupField, SelectField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { CHOOSABLE_KINDS, EMAIL_FREQUENCY_LABELS, NOTIFICATION_KIND_LABELS, WEEKDAY_LABELS } from "~/domain/notifications";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { getNotificationSettings, saveNotificationSettings } from "~/models/notification.server";
import { notificationSettingsSchema } from "~/schemas/notifications";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Mes notifications — Maillon" }];

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "compte_.notifications");
  const settings = getNotificationSettings(getDb(), auth.user.id);
  return {
    defaults: {
      email: Object.fromEntries(CHOOSABLE_KINDS.map((k) => [k, settings.email[k]])),
      hour: String(settings.hour),
      weekday: String(settings.weekday),
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  signInFirst(request, "compte_.notifications");
  const formData = await readFormData(request);
  const { auth } = authorize(request, "compte_.notifications", formData);
  const submission = parseWithZod(formData, { schema: notificationSettingsSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  saveNotificationSettings(getDb(), auth.user.id, submission.value);
  return redirectWithFlash("/compte/notifications", "Vos choix de notification sont enregistrés.");
}

const HOURS = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${h} h` }));
const WEEKDAYS = WEEKDAY_LABELS.map((label, i) => ({ value: String(i + 1), label }));

export default function NotificationSettings() {
  const { defaults } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(notificationSettingsSchema, { id: "notifications", defaultValue: defaults });
  const email = fields.email.getFieldset();
  return (
    <div className="container narrow">
      <p>
        <a href="/compte">← Mon compte</a>
      </p>
      <h1>Mes notifications</h1>
      <p>
        Tout ce qui vous concerne s'affiche dans vos <a href="/notifications">notifications</a>. Choisissez, pour chaque sujet, si vous le
        recevez aussi par e-mail, et quand. Les messages de sécurité (mot de passe, adresse e-mail) arrivent toujours, sans délai.
      </p>
      <ConformForm form={form} aria-labelledby="choix-titre">
        <h2 id="choix-titre">Par e-mail</h2>
        {CHOOSABLE_KINDS.map((kind) => (
          <RadioGroupField
            key={kind}
            meta={email[kind as keyof typeof email]!}
            legend={NOTIFICATION_KIND_LABELS[kind].label}
            hint={NOTIFICATION_KIND_LABELS[kind].hint}
            options={optionsFrom(EMAIL_FREQUENCY_LABELS)}
          />
        ))}
        <h2>Quand partent les résumés</h2>
        <SelectField meta={fields.hour} label="Heure des résumés (heure de Paris)" options={HOURS} />
        <SelectField meta={fields.weekday} label="Jour du résumé hebdomadaire" options={WEEKDAYS} />
        <SubmitButton>Enregistrer mes choix</SubmitButton>
      </ConformForm>
    </div>
  );
}
