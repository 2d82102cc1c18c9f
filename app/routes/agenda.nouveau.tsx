import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { EventFields } from "~/components/event-form";
import { ConformForm, SubmitButton, useSchemaForm } from "~/components/ui/form";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { validateEventForm } from "~/guards/event-form.server";
import { createEvent, eventFormChoices, organisablePoles, type OrganisablePole } from "~/models/event.server";
import { eventSchema } from "~/schemas/agenda";
import type { Auth } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { forbidden, readFormData } from "~/utils/http.server";
import { replyInvalid, replyRefused } from "~/utils/reply.server";
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaText(matches).agenda.create.metaTitle }];

/** The pôle named by `?pole=`, or the only one the person organises in; null: they must choose. */
function chosenPole(auth: Auth, request: Request): { options: OrganisablePole[]; pole: OrganisablePole | null } {
  const options = organisablePoles(getDb(), auth);
  const refusal = () => forbidden(requestText(request).t.agenda.create.refusal);
  if (options.length === 0) throw refusal();
  const slug = new URL(request.url).searchParams.get("pole");
  if (slug) {
    const pole = options.find((p) => p.slug === slug);
    if (!pole) throw refusal();
    return { options, pole };
  }
  return { options, pole: options.length === 1 ? options[0]! : null };
}

function choicesFor(pole: OrganisablePole) {
  const { axes, groups } = eventFormChoices(getDb(), pole.id);
  return {
    axes: axes.map((a) => ({ value: String(a.id), label: a.name })),
    groups: groups.filter((g) => pole.staff || pole.groupIds.includes(g.id)).map((g) => ({ value: String(g.id), label: g.name })),
  };
}

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "agenda.nouveau");
  const { options, pole } = chosenPole(auth, request);
  return {
    options: options.map((p) => ({ slug: p.slug, name: p.name })),
    pole: pole ? { slug: pole.slug, name: pole.name, staff: pole.staff, ...choicesFor(pole) } : null,
    defaultGroupId: pole && !pole.staff && pole.groupIds.length === 1 ? String(pole.groupIds[0]) : undefined,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  signInFirst(request, "agenda.nouveau");
  const formData = await readFormData(request);
  const { auth } = authorize(request, "agenda.nouveau", formData);
  const { pole } = chosenPole(auth, request);
  const t = requestText(request).t.agenda.create;
  if (!pole) throw forbidden(t.choosePoleFirst);
  const db = getDb();
  const result = validateEventForm(db, formData);
  if (!result.ok) return replyInvalid(result.reply, { choices: result.choices });
  const created = createEvent(db, auth, pole.id, result.input, new Date());
  if (!created.ok) return replyRefused(created, { submission: result.submission });
  return redirectWithFlash(`/agenda/${created.eventId}`, t.created);
}

export default function NewEvent() {
  const { options, pole, defaultGroupId } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(eventSchema, { id: "evenement", defaultValue: { visibility: "public", groupId: defaultGroupId } });
  const t = useT().agenda.create;
  return (
    <div className="container narrow">
      <p>
        <Link to="/agenda">{t.back}</Link>
      </p>
      <h1>{t.title}</h1>
      {!pole ? (
        <Form method="get" className="form" aria-labelledby="choisir-pole">
          <h2 id="choisir-pole">{t.whichPole}</h2>
          <div className="field">
            <label htmlFor="pole">{t.pole}</label>
            <select id="pole" name="pole">
              {options.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <button type="submit" className="button">
              {t.continue}
            </button>
          </div>
        </Form>
      ) : (
        <>
          <p>
            {t.forPoleBefore}
            <strong>{pole.name}</strong>
            {t.forPoleAfter}
          </p>
          <ConformForm form={form} action={`/agenda/nouveau?pole=${pole.slug}`} aria-label={t.formLabel}>
            <EventFields fields={fields} axes={pole.axes} groups={pole.groups} groupRequired={!pole.staff} />
            <SubmitButton>{t.submit}</SubmitButton>
          </ConformForm>
        </>
      )}
    </div>
  );
}
