import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { authorize } from "~/guards/authorize.server";
import { getEnv } from "~/utils/env.server";
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: metaText(matches).legal.accessibility.metaTitle }];

export function loader({ request }: LoaderFunctionArgs) {
  authorize(request, "accessibilite");
  const env = getEnv();
  return { publisher: env.LEGAL_PUBLISHER, contact: env.LEGAL_CONTACT };
}

export default function Accessibility() {
  const { publisher, contact } = useLoaderData<typeof loader>();
  const t = useT().legal.accessibility;
  return (
    <div className="container narrow">
      <h1>{t.title}</h1>
      <p>{t.intro(publisher)}</p>
      <h2>{t.statusTitle}</h2>
      <p>
        {t.statusBefore} <strong>{t.statusStrong}</strong> {t.statusAfter}
      </p>
      <h2>{t.resultsTitle}</h2>
      <p>
        {t.resultsBefore} <strong>{t.resultsStrong}</strong> {t.resultsAfter}
      </p>
      <p>{t.automaticLimits}</p>
      <h2>{t.notAccessibleTitle}</h2>
      <ul>
        <li>{t.maps}</li>
        <li>{t.images}</li>
      </ul>
      <h2>{t.methodTitle}</h2>
      <ul>
        <li>{t.technologies}</li>
        <li>{t.environment}</li>
        <li>{t.tools}</li>
      </ul>
      <h2>{t.feedbackTitle}</h2>
      <p>{t.feedback(contact)}</p>
      <h2>{t.remediesTitle}</h2>
      <p>{t.remedies}</p>
    </div>
  );
}
