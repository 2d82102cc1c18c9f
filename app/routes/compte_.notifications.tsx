import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { optionsFrom, RadioGroupField, SelectField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { CHOOSABLE_KINDS } from "~/domain/notifications";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { getNotificationSettings, saveNotificationSettings } from "~/models/notification.server";
import { notificationSettingsSchema } from "~/schemas/notifications";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: metaText(matches).account.notificationSettings.metaTitle }];

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
  return redirectWithFlash("/compte/notifications", requestText(request).t.account.notificationSettings.saved);
}

export default function NotificationSettings() {
  const { defaults } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(notificationSettingsSchema, { id: "notifications", defaultValue: defaults });
  const email = fields.email.getFieldset();
  const { account, vocabulary } = useT();
  const t = account.notificationSettings;
  const hours = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: t.hour(h) }));
  const weekdays = t.weekdays.map((label, i) => ({ value: String(i + 1), label }));
  return (
    <div className="container narrow">
      <p>
        <a href="/compte">{t.back}</a>
      </p>
      <h1>{t.title}</h1>
      <p>
        {t.introBefore} <a href="/notifications">{t.notificationsLink}</a>
        {t.introAfter}
      </p>
      <ConformForm form={form} aria-labelledby="choix-titre">
        <h2 id="choix-titre">{t.byEmail}</h2>
        {CHOOSABLE_KINDS.map((kind) => (
          <RadioGroupField
            key={kind}
            meta={email[kind as keyof typeof email]!}
            legend={vocabulary.notificationKind[kind].label}
            hint={vocabulary.notificationKind[kind].hint}
            options={optionsFrom(vocabulary.emailFrequency)}
          />
        ))}
        <h2>{t.digestsTitle}</h2>
        <SelectField meta={fields.hour} label={t.hourLabel} options={hours} />
        <SelectField meta={fields.weekday} label={t.weekdayLabel} options={weekdays} />
        <SubmitButton>{t.submit}</SubmitButton>
      </ConformForm>
    </div>
  );
}
