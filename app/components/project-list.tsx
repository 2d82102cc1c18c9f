import { CardList } from "~/components/ui/card-list";
import { ProjectStatusBadge } from "~/components/status-badge";
import { PROJECT_KIND_LABELS, PROJECT_STAGE_LABELS } from "~/domain/project";
import type { ProjectSummary } from "~/models/project.server";
import { plural } from "~/domain/format";

type ProjectCard = Omit<ProjectSummary, "updatedAt"> & { updatedAt: string | Date; distanceText?: string };

/** Project cards: title linking to the page, status, place, kind and open needs. */
export function ProjectList({
  projects,
  empty,
  showOwner = true,
  headingLevel = 3,
}: {
  projects: ProjectCard[];
  empty: string;
  showOwner?: boolean;
  headingLevel?: 2 | 3;
}) {
  return (
    <CardList
      items={projects}
      empty={empty}
      headingLevel={headingLevel}
      link={(p) => ({ key: p.id, href: `/projets/${p.id}`, title: p.title })}
    >
      {(p) => (
        <>
          <p>
            <ProjectStatusBadge status={p.status} /> {p.communeName}
            {p.distanceText !== undefined ? ` (${p.distanceText})` : null}
            {showOwner ? ` · ${p.ownerName}` : null}
          </p>
          <p>{p.pitch}</p>
          <p className="hint">
            {PROJECT_KIND_LABELS[p.kind]} · {PROJECT_STAGE_LABELS[p.stage]} ·{" "}
            {p.openNeeds > 0 ? plural(p.openNeeds, "besoin ouvert", "besoins ouverts") : "aucun besoin ouvert"}
            {p.seeksPartners ? " · cherche des associés" : null}
          </p>
        </>
      )}
    </CardList>
  );
}
