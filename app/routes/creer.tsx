import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PathPage } from "~/components/path-page";
import { hasRole } from "~/domain/permissions";
import { authorize } from "~/guards/authorize.server";

export const meta: MetaFunction = () => [{ title: "Créer une activité — Maillon" }];

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "creer");
  return { access: { signedIn: auth !== null, holdsRole: hasRole(auth, "porteur") } };
}

export default function Create() {
  const { access } = useLoaderData<typeof loader>();
  return (
    <PathPage
      id="creer"
      access={access}
      roleActions={
        <p className="actions">
          <a className="button" href="/projets/nouveau">
            Décrire mon projet
          </a>
          <a href="/projets">Voir les projets de mon pôle</a>
        </p>
      }
    >
      <h2>Comment ça marche</h2>
      <ol>
        <li>Vous décrivez votre projet et ce dont il a besoin : compétences, associés, financement.</li>
        <li>Maillon vous propose des bénévoles de votre secteur, en expliquant chaque proposition.</li>
        <li>Un accompagnement de deux ans environ, à raison d'une ou deux rencontres par mois.</li>
        <li>Les clubs d'épargnants et la cagnotte solidaire du pôle peuvent vous financer.</li>
      </ol>
      <p>
        <a href="/projets">Voir les projets déjà publiés</a> : ce qu'ils font, où, et ce qu'ils cherchent.
      </p>
    </PathPage>
  );
}
