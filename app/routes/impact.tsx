/** /impact — the whole install's impact: every computed indicator, by quarter, over all the pôles. */
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ImpactIndicator } from "~/components/impact-indicator";
import { authorize } from "~/guards/authorize.server";
import { installImpactReport, polesWithIndicators } from "~/models/indicator.server";
import { getDb } from "~/utils/db.server";
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaText(matches).impact.page;
  return [{ title: t.metaTitle }, { name: "description", content: t.metaDescription }];
};

export function loader({ request }: LoaderFunctionArgs) {
  authorize(request, "impact");
  const db = getDb();
  return { indicators: installImpactReport(db, new Date()), poles: polesWithIndicators(db) };
}

export default function ImpactPage() {
  const { indicators, poles } = useLoaderData<typeof loader>();
  const t = useT().impact.page;
  return (
    <div className="container">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <p>
        <a href="/impact.csv" download>
          {t.download}
        </a>
      </p>
      <nav aria-labelledby="impact-par-pole">
        <h2 id="impact-par-pole">{t.perPoleTitle}</h2>
        <p>
          {t.perPoleIntro} <a href="/poles">{t.directory}</a>.
        </p>
        <ul className="impact-poles">
          {poles.map((p) => (
            <li key={p.slug}>
              <a href={`/poles/${p.slug}/impact`}>{p.name}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="impact-list">
        {indicators.map((i) => (
          <ImpactIndicator key={i.key} indicator={i} />
        ))}
      </div>
    </div>
  );
}
