import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { NoPaymentNotice } from "~/components/no-payment-notice";
import { getTontine, joinTontine } from "~/models/tontine.server";
import { getDb } from "~/utils/db.server";
import { notFound, parseId, readFormData } from "~/utils/http.server";
import { authorize } from "~/guards/authorize.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { useFormReply } from "~/utils/reply";
import { replyRefused } from "~/utils/reply.server";
import { Alert } from "~/components/ui/alert";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";
import { DataTable } from "~/components/ui/data-table";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaText(matches).funding.tontine;
  return [{ title: t.metaTitle(data?.tontine.name ?? t.metaFallback) }];
};

export function loader({ request, params }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "tontines.$id");
  const tontine = getTontine(getDb(), parseId(params.id), auth.user.id, new Date());
  if (!tontine) throw notFound(requestText(request).t.funding.tontine.notFound);
  return { tontine };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { auth } = authorize(request, "tontines.$id", await readFormData(request));
  const id = parseId(params.id);
  const outcome = joinTontine(getDb(), id, auth.user.id, new Date());
  if (!outcome.ok) return replyRefused(outcome);
  return redirectWithFlash(`/tontines/${id}`, requestText(request).t.funding.tontine.joined);
}

export default function Tontine() {
  const { tontine } = useLoaderData<typeof loader>();
  const { message } = useFormReply();
  const pot = tontine.schedule[0]?.potCents ?? 0;
  const text = useT().funding.tontine;
  const format = useFormat();
  return (
    <div className="container">
      <p>
        <a href="/tontines">{text.back}</a>
      </p>
      <h1>{tontine.name}</h1>
      {message ? <Alert tone="error">{message}</Alert> : null}
      {tontine.description ? <p className="prewrap">{tontine.description}</p> : null}
      <p>{text.summary(tontine.territoryName, format.euros(tontine.contributionCents), format.euros(pot))}</p>
      <NoPaymentNotice />
      <DataTable caption={text.schedule}>
        <thead>
          <tr>
            <th scope="col">{text.turn}</th>
            <th scope="col">{text.beneficiary}</th>
            <th scope="col">{text.date}</th>
            <th scope="col">{text.state}</th>
          </tr>
        </thead>
        <tbody>
          {tontine.schedule.map((t) => (
            <tr key={t.turn}>
              <td>{t.turn}</td>
              <th scope="row">{t.displayName}</th>
              <td>{format.date(new Date(t.date))}</td>
              <td>{text.status[t.status]}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {!tontine.isMember ? (
        <Form method="post">
          <button type="submit" className="button">
            {text.join}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
