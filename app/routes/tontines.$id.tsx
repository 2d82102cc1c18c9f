import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { NoPaymentNotice } from "~/components/no-payment-notice";
import { getTontine, joinTontine } from "~/models/tontine.server";
import { getDb } from "~/utils/db.server";
import { formatDate, formatEuros } from "~/domain/format";
import { notFound, parseId, readFormData } from "~/utils/http.server";
import { authorize } from "~/guards/authorize.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { useFormReply } from "~/utils/reply";
import { replyRefused } from "~/utils/reply.server";
import { Alert } from "~/components/ui/alert";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.tontine.name ?? "Tontine"} — Maillon` }];

const STATUS_LABELS = { passe: "Versé", "en-cours": "Ce mois-ci", "a-venir": "À venir" } as const;

export function loader({ request, params }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "tontines.$id");
  const tontine = getTontine(getDb(), parseId(params.id), auth.user.id, new Date());
  if (!tontine) throw notFound("Tontine introuvable");
  return { tontine };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { auth } = authorize(request, "tontines.$id", await readFormData(request));
  const id = parseId(params.id);
  const outcome = joinTontine(getDb(), id, auth.user.id, new Date());
  if (!outcome.ok) return replyRefused(outcome);
  return redirectWithFlash(`/tontines/${id}`, "Vous avez rejoint la tontine, à la fin de l'ordre des tours.");
}

export default function Tontine() {
  const { tontine } = useLoaderData<typeof loader>();
  const { message } = useFormReply();
  const pot = tontine.schedule[0]?.potCents ?? 0;
  return (
    <div className="container">
      <p>
        <a href="/tontines">← Toutes les tontines</a>
      </p>
      <h1>{tontine.name}</h1>
      {message ? <Alert tone="error">{message}</Alert> : null}
      {tontine.description ? <p className="prewrap">{tontine.description}</p> : null}
      <p>
        {tontine.territoryName} · {formatEuros(tontine.contributionCents)} par membre et par mois · chaque tour, le bénéficiaire reçoit{" "}
        {formatEuros(pot)}.
      </p>
      <NoPaymentNotice />
      <table className="table">
        <caption>Ordre des tours</caption>
        <thead>
          <tr>
            <th scope="col">Tour</th>
            <th scope="col">Bénéficiaire</th>
            <th scope="col">Date</th>
            <th scope="col">État</th>
          </tr>
        </thead>
        <tbody>
          {tontine.schedule.map((t) => (
            <tr key={t.turn}>
              <td>{t.turn}</td>
              <th scope="row">{t.displayName}</th>
              <td>{formatDate(new Date(t.date))}</td>
              <td>{STATUS_LABELS[t.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!tontine.isMember ? (
        <Form method="post">
          <button type="submit" className="button">
            Rejoindre la tontine
          </button>
        </Form>
      ) : null}
    </div>
  );
}
