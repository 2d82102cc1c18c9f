import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PathPage } from "~/components/path-page";
import { listTerritoriesWithCounts } from "~/models/territory.server";
import { hasRole } from "~/domain/permissions";
import { getDb } from "~/utils/db.server";
import { authorize } from "~/guards/authorize.server";
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: metaText(matches).home.paths.finance.page.metaTitle }];

export function loader({ request }: LoaderFunctionArgs) {
  const poles = listTerritoriesWithCounts(getDb()).map((t) => ({ slug: t.slug, name: t.name }));
  const { auth } = authorize(request, "financer");
  return { access: { signedIn: auth !== null, holdsRole: hasRole(auth, "epargnant") }, poles };
}

export default function Finance() {
  const { access, poles } = useLoaderData<typeof loader>();
  const t = useT().home.paths.finance.page;
  return (
    <PathPage id="financer" access={access}>
      <h2>{t.clubsTitle}</h2>
      <p>{t.clubsText}</p>
      <p>
        <a className="button" href="/clubs">
          {t.clubsLink}
        </a>
      </p>
      <h2>{t.fundTitle}</h2>
      <p>{t.fundText}</p>
      <ul>
        {poles.map((p) => (
          <li key={p.slug}>
            <a href={`/cagnotte/${p.slug}`}>{t.fundOf(p.name)}</a>
          </li>
        ))}
      </ul>
      <h2>{t.directTitle}</h2>
      <p>
        {t.directBefore} <a href="/projets?financement=1">{t.directLink}</a>
        {t.directMiddle} <a href="/tontines">{t.tontineLink}</a> {t.directAfter}
      </p>
      <p>
        <strong>{t.noPayment}</strong>
        {t.noPaymentAfter}
      </p>
    </PathPage>
  );
}
