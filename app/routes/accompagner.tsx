import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PathPage } from "~/components/path-page";
import { hasRole } from "~/domain/permissions";
import { authorize } from "~/guards/authorize.server";

export const meta: MetaFunction = () => [{ title: "Accompagner un créateur — Maillon" }];

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "accompagner");
  return { access: { signedIn: auth !== null, holdsRole: hasRole(auth, "benevole") } };
}

export default function Mentor() {
  const { access } = useLoaderData<typeof loader>();
  return (
    <PathPage
      id="accompagner"
      access={access}
      roleActions={
        <p className="actions">
          <a className="button" href="/benevoles/profil">
            Mon profil de bénévole
          </a>
          <a href="/benevoles/projets">Voir les projets pour moi</a>
        </p>
      }
    >
      <h2>Votre engagement, à votre mesure</h2>
      <ul>
        <li>Vous indiquez vos compétences, votre niveau et la distance que vous acceptez de parcourir.</li>
        <li>Vous fixez le nombre de projets que vous suivez en même temps ; vous pouvez faire une pause.</li>
        <li>Chaque proposition de Maillon dit pourquoi vous et ce projet pourriez travailler ensemble.</li>
      </ul>
    </PathPage>
  );
}
