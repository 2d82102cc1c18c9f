/** /compte/donnees.json — everything Maillon holds about the signed-in person, with its « lisez-moi ». */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { parisIsoDate } from "~/domain/paris-time";
import { authorize } from "~/guards/authorize.server";
import { exportPersonalData } from "~/models/personal-data.server";
import { getDb } from "~/utils/db.server";
import { requestText } from "~/utils/locale.server";

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "compte_.donnees[.json]");
  const now = new Date();
  const data = exportPersonalData(getDb(), auth.user.id, now);
  if (!data) throw new Response(requestText(request).t.account.data.notFound, { status: 404 });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="mes-donnees-maillon-${parisIsoDate(now)}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
