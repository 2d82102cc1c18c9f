import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { authorize } from "~/guards/authorize.server";
import { getEnv } from "~/utils/env.server";

export const meta: MetaFunction = () => [{ title: "Mentions légales — Maillon" }];

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
  return (
    <div className="container narrow">
      <h1>Mentions légales</h1>
      <h2>Éditeur du site</h2>
      <dl className="details">
        <dt>Éditeur</dt>
        <dd>{legal.publisher}</dd>
        <dt>Adresse</dt>
        <dd>{legal.address}</dd>
        <dt>Directeur ou directrice de la publication</dt>
        <dd>{legal.director}</dd>
        <dt>Contact</dt>
        <dd>{legal.contact}</dd>
      </dl>
      <h2>Hébergement</h2>
      <p>{legal.host}</p>
      <h2>Logiciel</h2>
      <p>
        Le site fonctionne avec Maillon, plateforme des pôles territoriaux de coopération économique. Aucun paiement ne
        transite par le site : les engagements et contributions sont réglés par virement entre les personnes concernées.
      </p>
      <h2>Données et crédits</h2>
      <ul>
        <li>
          Contours des départements et centres des communes : IGN, Admin Express COG, sous{" "}
          <a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/">Licence Ouverte 2.0</a>.
        </li>
        <li>Nomenclature d'activités française (NAF rév. 2) : Insee.</li>
      </ul>
      <h2>Vos données personnelles</h2>
      <p>
        Ce que le site garde, pourquoi et combien de temps : voir la <a href="/confidentialite">politique de confidentialité</a>.
        L'accessibilité du site est décrite dans la <a href="/accessibilite">déclaration d'accessibilité</a>.
      </p>
    </div>
  );
}
