import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PathPage } from "~/components/path-page";
import { getAuth } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Financer des projets — Maillon" }];

export function loader({ request }: LoaderFunctionArgs) {
  return { signedIn: getAuth(request) !== null };
}

export default function Finance() {
  const { signedIn } = useLoaderData<typeof loader>();
  return (
    <PathPage id="financer" signedIn={signedIn}>
      <h2>Les clubs CIGALES</h2>
      <p>
        Un club d'investisseurs pour une gestion alternative et locale de l'épargne solidaire réunit de 5 à
        20 personnes qui épargnent chaque mois, souvent quelques dizaines d'euros, et décident ensemble
        des entreprises locales où placer cet argent. Le club reste minoritaire et deux de ses membres
        suivent l'entreprise après l'investissement.
      </p>
      <h2>La cagnotte solidaire</h2>
      <p>
        Chacun peut donner, même peu, à la cagnotte du pôle ; l'équipe d'animation la répartit entre des
        projets du territoire et publie chaque attribution.
      </p>
      <p>
        <strong>Aucun paiement ne passe par Maillon</strong> : le site enregistre les engagements, les
        versements se font par virement.
      </p>
    </PathPage>
  );
}
