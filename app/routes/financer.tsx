import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PathPage } from "~/components/path-page";
import { listTerritoriesWithCounts } from "~/models/territory.server";
import { hasRole } from "~/domain/permissions";
import { getDb } from "~/utils/db.server";
import { authorize } from "~/guards/authorize.server";

export const meta: MetaFunction = () => [{ title: "Financer des projets — Maillon" }];

export function loader({ request }: LoaderFunctionArgs) {
  const poles = listTerritoriesWithCounts(getDb()).map((t) => ({ slug: t.slug, name: t.name }));
  const { auth } = authorize(request, "financer");
  return { access: { signedIn: auth !== null, holdsRole: hasRole(auth, "epargnant") }, poles };
}

export default function Finance() {
  const { access, poles } = useLoaderData<typeof loader>();
  return (
    <PathPage id="financer" access={access}>
      <h2>Les clubs CIGALES</h2>
      <p>
        Un club d'investisseurs pour une gestion alternative et locale de l'épargne solidaire réunit de 5 à
        20 personnes qui épargnent chaque mois, souvent quelques dizaines d'euros, et décident ensemble
        des entreprises locales où placer cet argent. Le club reste minoritaire et deux de ses membres
        suivent l'entreprise après l'investissement.
      </p>
      <p>
        <a className="button" href="/clubs">
          Voir les clubs et en créer un
        </a>
      </p>
      <h2>La cagnotte solidaire</h2>
      <p>
        Chacun peut donner, même peu, à la cagnotte du pôle ; l'équipe d'animation la répartit entre des
        projets du territoire et publie chaque attribution.
      </p>
      <ul>
        {poles.map((p) => (
          <li key={p.slug}>
            <a href={`/cagnotte/${p.slug}`}>La cagnotte solidaire du {p.name}</a>
          </li>
        ))}
      </ul>
      <h2>Soutenir un projet directement, ou en tontine</h2>
      <p>
        Chaque projet publié qui cherche de l'argent peut recevoir votre promesse de soutien, depuis sa page (voir{" "}
        <a href="/projets?financement=1">les projets qui cherchent encore un financement</a>). Avec des proches, une <a href="/tontines">tontine</a> fait tourner l'épargne de chacun.
      </p>
      <p>
        <strong>Aucun paiement ne passe par Maillon</strong> : le site enregistre les engagements, les
        versements se font par virement.
      </p>
    </PathPage>
  );
}
