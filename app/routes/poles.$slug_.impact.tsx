/** /poles/:slug/impact — the indicators the pôle's animation team chose, with their targets and trend. */
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ImpactIndicator } from "~/components/impact-indicator";
import { isStaffOf } from "~/domain/permissions";
import { authorize } from "~/guards/authorize.server";
import { loadPole } from "~/guards/pole.server";
import { poleImpactReport } from "~/models/indicator.server";
import { getDb } from "~/utils/db.server";
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaText(matches).poles;
  return [{ title: data ? t.impact.metaTitle(data.pole.name) : t.page.notFoundTitle }];
};

export function loader({ request, params }: LoaderFunctionArgs) {
  const permit = authorize(request, "poles.$slug_.impact");
  const territory = loadPole(permit, params.slug);
  return {
    pole: { slug: territory.slug, name: territory.name },
    indicators: poleImpactReport(getDb(), territory.id, new Date()),
    animates: !!permit.auth && isStaffOf(permit.auth, territory.id),
  };
}

export default function PoleImpactPage() {
  const { pole, indicators, animates } = useLoaderData<typeof loader>();
  const t = useT().poles.impact;
  return (
    <div className="container">
      <p>
        <a href={`/poles/${pole.slug}`}>← {pole.name}</a>
      </p>
      <p className="eyebrow">{t.eyebrow}</p>
      <h1>{pole.name}</h1>
      <p>
        {t.intro} <a href="/impact">{t.allPoles}</a>.
      </p>
      {animates ? (
        <p>
          <a href={`/animation/impact?pole=${pole.slug}`}>{t.choose}</a>
        </p>
      ) : null}
      {indicators.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <>
          <p>
            <a href={`/poles/${pole.slug}/impact.csv`} download>
              {t.download}
            </a>
          </p>
          <div className="impact-list">
            {indicators.map((i) => (
              <ImpactIndicator key={i.key} indicator={i} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
