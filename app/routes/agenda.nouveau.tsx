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

export const meta: MetaFunction = () => [{ title: "Organiser un rendez-vous — Maillon" }];

const REFUSAL = "Seule l'équipe d'animation d'un pôle, ou le coordinateur d'un groupe de travail, organise un rendez-vous de l'agenda.";

/** The pôle named by `?pole=`, or the only one the person organises in; null: they must choose. */
function chosenPole(auth: Auth, request: Request): { options: OrganisablePole[]; pole: OrganisablePole | null } {
  const options = organisablePoles(getDb(), auth);
  if (options.length === 0) throw forbidden(REFUSAL);
  const slug = new URL(request.url).searchParams.get("pole");
  if (slug) {
    const pole = options.find((p) => p.slug === slug);
    if (!pole) throw forbidden(REFUSAL);
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
  if (!pole) throw forbidden("Choisissez d'abord le pôle du rendez-vous.");
  const db = getDb();
  const result = validateEventForm(db, formData);
  if (!result.ok) return replyInvalid(result.reply, { choices: result.choices });
  const created = createEvent(db, auth, pole.id, result.input, new Date());
  if (!created.ok) return replyRefused(created, { submission: result.submission });
  return redirectWithFlash(`/agenda/${created.eventId}`, "Le rendez-vous est inscrit à l'agenda du pôle.");
}

export default function NewEvent() {
  const { options, pole, defaultGroupId } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(eventSchema, { id: "evenement", defaultValue: { visibility: "public", groupId: defaultGroupId } });
  return (
    <div className="container narrow">
      <p>
        <Link to="/agenda">← L'agenda des pôles</Link>
      </p>
      <h1>Organiser un rendez-vous</h1>
      {!pole ? (
        <Form method="get" className="form" aria-labelledby="choisir-pole">
          <h2 id="choisir-pole">Pour quel pôle ?</h2>
          <div className="field">
            <label htmlFor="pole">Pôle</label>
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
              Continuer
            </button>
          </div>
        </Form>
      ) : (
        <>
          <p>
            Pour l'agenda du <strong>{pole.name}</strong>. Les personnes inscrites seront prévenues de tout changement d'horaire ou de lieu, et
            d'une annulation.
          </p>
          <ConformForm form={form} action={`/agenda/nouveau?pole=${pole.slug}`} aria-label="Le rendez-vous">
            <EventFields fields={fields} axes={pole.axes} groups={pole.groups} groupRequired={!pole.staff} />
            <SubmitButton>Inscrire à l'agenda</SubmitButton>
          </ConformForm>
        </>
      )}
    </div>
  );
}
