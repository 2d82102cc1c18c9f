import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PathPage } from "~/components/path-page";
import { hasRole } from "~/domain/permissions";
import { authorize } from "~/guards/authorize.server";
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: metaText(matches).home.paths.create.page.metaTitle }];

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "creer");
  return { access: { signedIn: auth !== null, holdsRole: hasRole(auth, "porteur") } };
}

export default function Create() {
  const { access } = useLoaderData<typeof loader>();
  const t = useT().home.paths.create.page;
  return (
    <PathPage
      id="creer"
      access={access}
      roleActions={
        <p className="actions">
          <a className="button" href="/projets/nouveau">
            {t.describe}
          </a>
          <a href="/projets">{t.myPoleProjects}</a>
        </p>
      }
    >
      <h2>{t.howTitle}</h2>
      <ol>
        {t.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <p>
        <a href="/projets">{t.publishedLink}</a>
        {t.publishedAfter}
      </p>
    </PathPage>
  );
}
