import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EventFields } from "~/components/event-form";
import { TextAreaField } from "~/components/ui/field";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { isStaffOf } from "~/domain/permissions";
import { toParisLocalInput } from "~/domain/paris-time";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { loadManagedEvent } from "~/guards/event.server";
import { validateEventForm } from "~/guards/event-form.server";
import { communeLabel, getCommune } from "~/models/commune.server";
import { cancelEvent, eventFormChoices, updateEvent } from "~/models/event.server";
import { cancelEventSchema, eventSchema } from "~/schemas/agenda";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid, replyRefused, UNKNOWN_INTENT } from "~/utils/reply.server";
import { readFormData } from "~/utils/http.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaText(matches).agenda.edit;
  return [{ title: data ? t.metaTitle(data.event.title) : t.notFoundTitle }];
};

export function loader({ request, params }: LoaderFunctionArgs) {
  const permit = authorize(request, "agenda.$id.modifier");
  const { event } = loadManagedEvent(permit, params.id);
  const db = getDb();
  const staff = isStaffOf(permit.auth, event.pole.id);
  const { axes, groups } = eventFormChoices(db, event.pole.id);
  const commune = event.commune ? getCommune(db, event.commune.code) : undefined;
  return {
    event: { id: event.id, title: event.title, cancelled: event.status === "annule", pole: event.pole, registered: event.registered, waiting: event.waiting },
    staff,
    axes: axes.map((a) => ({ value: String(a.id), label: a.name })),
    groups: groups.filter((g) => staff || g.coordinatorId === permit.auth.user.id).map((g) => ({ value: String(g.id), label: g.name })),
    defaults: {
      title: event.title,
      startsAt: toParisLocalInput(event.startsAt),
      endsAt: toParisLocalInput(event.endsAt),
      address: event.address ?? "",
      commune: commune ? communeLabel(commune) : "",
      communeCode: commune?.code ?? "",
      onlineUrl: event.onlineUrl ?? "",
      description: event.description,
      capacity: event.capacity === null ? "" : String(event.capacity),
      visibility: event.visibility,
      axisId: event.axis ? String(event.axis.id) : "",
      groupId: event.group ? String(event.group.id) : "",
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  signInFirst(request, "agenda.$id.modifier");
  const formData = await readFormData(request);
  const permit = authorize(request, "agenda.$id.modifier", formData);
  const { event } = loadManagedEvent(permit, params.id);
  const db = getDb();
  const now = new Date();
  const t = requestText(request).t.agenda.edit;
  switch (permit.intent) {
    case "save": {
      const result = validateEventForm(db, formData);
      if (!result.ok) return replyInvalid(result.reply, { choices: result.choices });
      const outcome = updateEvent(db, permit.auth, event.id, result.input, now);
      if (!outcome.ok) return replyRefused(outcome, { submission: result.submission });
      return redirectWithFlash(`/agenda/${event.id}`, outcome.noticed ? t.savedNoticed : t.saved);
    }
    case "cancel-event": {
      const submission = parseWithZod(formData, { schema: cancelEventSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "annuler" });
      const outcome = cancelEvent(db, permit.auth, event.id, submission.value.reason, now);
      if (!outcome.ok) return replyRefused(outcome, { submission, formId: "annuler" });
      return redirectWithFlash(`/agenda/${event.id}`, t.cancelled);
    }
    default:
      return replyRefused(UNKNOWN_INTENT);
  }
}

export default function EditEvent() {
  const { event, staff, axes, groups, defaults } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(eventSchema, { id: "evenement", defaultValue: defaults });
  const [cancelForm, cancelFields] = useSchemaForm(cancelEventSchema, { id: "annuler", reply: "annuler" });
  const t = useT().agenda.edit;
  const format = useFormat();
  return (
    <div className="container narrow">
      <p>
        <Link to={`/agenda/${event.id}`}>← {event.title}</Link>
      </p>
      <h1>{t.title}</h1>
      {event.cancelled ? (
        <p>{t.noLongerEditable}</p>
      ) : (
        <>
          <p>{t.changeNotice(format.integer(event.registered + event.waiting))}</p>
          <ConformForm form={form} intent="save" aria-label={t.formLabel}>
            <EventFields fields={fields} axes={axes} groups={groups} groupRequired={!staff} />
            <SubmitButton>{t.save}</SubmitButton>
          </ConformForm>
          <section aria-labelledby="annuler-titre">
            <h2 id="annuler-titre">{t.cancelTitle}</h2>
            <p>{t.cancelIntro}</p>
            <ConformForm form={cancelForm} intent="cancel-event" aria-labelledby="annuler-titre">
              <TextAreaField meta={cancelFields.reason} label={t.reason} hint={t.reasonHint} rows={3} />
              <SubmitButton className="button--danger">{t.cancel}</SubmitButton>
            </ConformForm>
          </section>
        </>
      )}
    </div>
  );
}
