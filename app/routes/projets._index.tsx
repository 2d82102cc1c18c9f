import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProjectList } from "~/components/project-list";
import {
  listOwnedProjects,
  listPartnerSeekingProjectsNear,
  PARTNER_RADIUS_KM,
  listProjectsForStaff,
  listPublishedProjectsInTerritories,
  territoryIdsForCommune,
} from "~/models/project.server";
import { findTerritoriesForCommune } from "~/models/territory.server";
import { hasRole } from "~/domain/permissions";
import { getDb } from "~/utils/db.server";
import { authorize } from "~/guards/authorize.server";

export const meta: MetaFunction = () => [{ title: "Projets — Maillon" }];

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "projets._index");
  const db = getDb();
  const territoryIds = territoryIdsForCommune(db, auth.user.communeCode);
  const userId = auth.user.id;
  return {
    isHolder: hasRole(auth, "porteur"),
    territories: findTerritoriesForCommune(db, auth.user.communeCode).map((t) => t.name),
    mine: listOwnedProjects(db, userId),
    partners: listPartnerSeekingProjectsNear(db, auth.user.communeCode, { excludeOwnerId: userId, limit: 12 }),
    partnerRadiusKm: PARTNER_RADIUS_KM,
    published: listPublishedProjectsInTerritories(db, territoryIds, { excludeOwnerId: userId, limit: 30 }),
    staff: auth.staffTerritoryIds.length > 0 ? listProjectsForStaff(db, auth.staffTerritoryIds) : [],
  };
}

export default function Projects() {
  const { isHolder, territories, mine, partners, partnerRadiusKm, published, staff } = useLoaderData<typeof loader>();
  const pole = territories.length > 0 ? territories.join(", ") : null;
  return (
    <div className="container">
      <p className="eyebrow">Créer</p>
      <h1>Projets</h1>
      {isHolder ? (
        <section aria-labelledby="mes-projets">
          <h2 id="mes-projets">Mes projets</h2>
          <p>
            <a className="button" href="/projets/nouveau">
              Décrire un nouveau projet
            </a>
          </p>
          <ProjectList projects={mine} showOwner={false} empty="Vous n'avez pas encore décrit de projet." />
        </section>
      ) : null}

      <section aria-labelledby="associes">
        <h2 id="associes">Projets cherchant des associés près de chez vous</h2>
        <p className="hint">Projets publiés à moins de {partnerRadiusKm} km de votre commune, les plus proches d'abord.</p>
        <ProjectList projects={partners} empty="Aucun projet proche de chez vous ne cherche d'associés pour l'instant." />
      </section>

      <section aria-labelledby="publies">
        <h2 id="publies">Projets publiés {pole ? `du ${pole}` : "de votre pôle"}</h2>
        <ProjectList projects={published} empty="Aucun projet publié pour l'instant." />
      </section>

      {staff.length > 0 ? (
        <section aria-labelledby="animation">
          <h2 id="animation">Tous les projets de mon pôle (animation)</h2>
          <ProjectList projects={staff} empty="Aucun projet." />
        </section>
      ) : null}
    </div>
  );
}
