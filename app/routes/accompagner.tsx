import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PathPage } from "~/components/path-page";
import { hasRole } from "~/domain/permissions";
import { authorize } from "~/guards/authorize.server";
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: metaText(matches).home.paths.accompany.page.metaTitle }];

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "accompagner");
  return { access: { signedIn: auth !== null, holdsRole: hasRole(auth, "benevole") } };
}

export default function Mentor() {
  const { access } = useLoaderData<typeof loader>();
  const t = useT().home.paths.accompany.page;
  return (
    <PathPage
      id="accompagner"
      access={access}
      roleActions={
        <p className="actions">
          <a className="button" href="/benevoles/profil">
            {t.profile}
          </a>
          <a href="/benevoles/projets">{t.projectsForMe}</a>
        </p>
      }
    >
      <h2>{t.commitmentTitle}</h2>
      <ul>
        {t.points.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>
    </PathPage>
  );
}
