import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PathPage } from "~/components/path-page";
import { getAuth } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Accompagner un créateur — Maillon" }];

export function loader({ request }: LoaderFunctionArgs) {
  return { signedIn: getAuth(request) !== null };
}

export default function Mentor() {
  const { signedIn } = useLoaderData<typeof loader>();
  return (
    <PathPage id="accompagner" signedIn={signedIn}>
      <h2>Votre engagement, à votre mesure</h2>
      <ul>
        <li>Vous indiquez vos compétences, votre niveau et la distance que vous acceptez de parcourir.</li>
        <li>Vous fixez le nombre de projets que vous suivez en même temps ; vous pouvez faire une pause.</li>
        <li>Chaque proposition de Maillon dit pourquoi vous et ce projet pourriez travailler ensemble.</li>
      </ul>
      {signedIn ? (
        <p className="actions">
          <a className="button" href="/benevoles/profil">
            Mon profil de bénévole
          </a>
          <a href="/benevoles/projets">Voir les projets pour moi</a>
        </p>
      ) : null}
    </PathPage>
  );
}
