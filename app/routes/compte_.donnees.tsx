import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { CheckboxField, TextField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
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
import { useFormat, useSay, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

/** A 429 carries its Retry-After. */
export const headers = passRetryAfter;

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: metaText(matches).account.data.metaTitle }];

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
  if (!checked.ok) return replyInvalid(submission, { ...options, fieldErrors: { currentPassword: [requestText(request).t.account.data.wrongPassword] } });
  const deleted = deleteAccount(db, auth.user.id, new Date());
  if (!deleted.ok) return replyRefused(deleted, { ...options, submission });
  return redirectWithFlash("/", requestText(request).t.account.data.deleted, {
    headers: { "Set-Cookie": clearedSessionCookie() },
  });
}

export default function PersonalData() {
  const { held, blockers } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(deleteAccountSchema, { id: DELETE_FORM, reply: DELETE_FORM });
  const t = useT().account.data;
  const say = useSay();
  const format = useFormat();
  return (
    <div className="container narrow">
      <h1>{t.title}</h1>
      <p>
        {t.intro} <a href="/confidentialite">{t.privacyLink}</a>.
      </p>

      <h2>{t.heldTitle}</h2>
      {held.length === 0 ? (
        <p>{t.nothingElse}</p>
      ) : (
        <ul>
          {held.map((part) => (
            <li key={part.name}>
              {part.what} ({t.items(part.rows, format.integer(part.rows))})
            </li>
          ))}
        </ul>
      )}
      <p>
        <a className="button" href="/compte/donnees.json" download>
          {t.download}
        </a>
      </p>
      <p className="hint">{t.downloadHint}</p>

      <h2 id="suppression-titre">{t.deleteTitle}</h2>
      <p>{t.deleteText}</p>
      {blockers.length > 0 ? (
        <>
          <Alert>{t.blockers}</Alert>
          <ul>
            {blockers.map((b) => (
              <li key={b.message}>
                {say(b.message)} <a href={b.href}>{t.goThere}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ConformForm form={form} aria-labelledby="suppression-titre">
        <TextField meta={fields.currentPassword} label={t.confirmWithPassword} type="password" autoComplete="current-password" />
        <CheckboxField meta={fields.understood} label={t.understood} />
        <SubmitButton className="button--danger">{t.deleteSubmit}</SubmitButton>
      </ConformForm>
    </div>
  );
}
