import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { authorize } from "~/guards/authorize.server";
import { getEnv } from "~/utils/env.server";
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: metaText(matches).legal.notices.metaTitle }];

export function loader({ request }: LoaderFunctionArgs) {
  authorize(request, "mentions-legales");
  const env = getEnv();
  return {
    publisher: env.LEGAL_PUBLISHER,
    address: env.LEGAL_ADDRESS,
    director: env.LEGAL_DIRECTOR,
    contact: env.LEGAL_CONTACT,
    host: env.LEGAL_HOST,
  };
}

export default function LegalNotices() {
  const legal = useLoaderData<typeof loader>();
  const t = useT().legal.notices;
  return (
    <div className="container narrow">
      <h1>{t.title}</h1>
      <h2>{t.publisherTitle}</h2>
      <dl className="details">
        <dt>{t.publisher}</dt>
        <dd>{legal.publisher}</dd>
        <dt>{t.address}</dt>
        <dd>{legal.address}</dd>
        <dt>{t.director}</dt>
        <dd>{legal.director}</dd>
        <dt>{t.contact}</dt>
        <dd>{legal.contact}</dd>
      </dl>
      <h2>{t.hostTitle}</h2>
      <p>{legal.host}</p>
      <h2>{t.softwareTitle}</h2>
      <p>{t.software}</p>
      <h2>{t.creditsTitle}</h2>
      <ul>
        <li>
          {t.mapCredits} <a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/">{t.licence}</a>.
        </li>
        <li>{t.nafCredits}</li>
      </ul>
      <h2>{t.personalDataTitle}</h2>
      <p>
        {t.personalDataBefore} <a href="/confidentialite">{t.privacyLink}</a>
        {t.personalDataMiddle} <a href="/accessibilite">{t.accessibilityLink}</a>.
      </p>
    </div>
  );
}
