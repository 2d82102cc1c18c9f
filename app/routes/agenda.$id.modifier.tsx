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

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Modifier « ${data.event.title} » — Maillon` : "Rendez-vous introuvable — Maillon" }];

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
  switch (permit.intent) {
    case "save": {
      const result = validateEventForm(db, formData);
      if (!result.ok) return replyInvalid(result.reply, { choices: result.choices });
      const outcome = updateEvent(db, permit.auth, event.id, result.input, now);
      if (!outcome.ok) return replyRefused(outcome, { submission: result.submission });
      return redirectWithFlash(
        `/agenda/${event.id}`,
        outcome.noticed ? "Le rendez-vous est modifié ; les personnes inscrites et en attente sont prévenues du changement." : "Le rendez-vous est modifié.",
      );
    }
    case "cancel-event": {
      const submission = parseWithZod(formData, { schema: cancelEventSchema });
      if (submission.status !== "success") return replyInvalid(submission, { formId: "annuler" });
      const outcome = cancelEvent(db, permit.auth, event.id, submission.value.reason, now);
      if (!outcome.ok) return replyRefused(outcome, { submission, formId: "annuler" });
      return redirectWithFlash(`/agenda/${event.id}`, "Le rendez-vous est annulé ; les personnes inscrites et en attente sont prévenues.");
    }
    default:
      return replyRefused(UNKNOWN_INTENT);
  }
}

export default function EditEvent() {
  const { event, staff, axes, groups, defaults } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(eventSchema, { id: "evenement", defaultValue: defaults });
  const [cancelForm, cancelFields] = useSchemaForm(cancelEventSchema, { id: "annuler", reply: "annuler" });
  return (
    <div className="container narrow">
      <p>
        <Link to={`/agenda/${event.id}`}>← {event.title}</Link>
      </p>
      <h1>Modifier le rendez-vous</h1>
      {event.cancelled ? (
        <p>Ce rendez-vous est annulé : il ne se modifie plus.</p>
      ) : (
        <>
          <p>
            Un changement d'horaire ou de lieu est annoncé aux {event.registered + event.waiting} personnes inscrites ou en attente, et mis à jour
            dans leurs calendriers.
          </p>
          <ConformForm form={form} intent="save" aria-label="Le rendez-vous">
            <EventFields fields={fields} axes={axes} groups={groups} groupRequired={!staff} />
            <SubmitButton>Enregistrer</SubmitButton>
          </ConformForm>
          <section aria-labelledby="annuler-titre">
            <h2 id="annuler-titre">Annuler le rendez-vous</h2>
            <p>Le rendez-vous reste dans l'agenda, marqué annulé ; les personnes inscrites et en attente sont prévenues.</p>
            <ConformForm form={cancelForm} intent="cancel-event" aria-labelledby="annuler-titre">
              <TextAreaField meta={cancelFields.reason} label="Pourquoi ?" hint="Une phrase, transmise aux personnes inscrites." rows={3} />
              <SubmitButton className="button--danger">Annuler le rendez-vous</SubmitButton>
            </ConformForm>
          </section>
        </>
      )}
    </div>
  );
}
