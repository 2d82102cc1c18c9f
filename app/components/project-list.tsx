import { CardList } from "~/components/ui/card-list";
import { ProjectStatusBadge } from "~/components/status-badge";
import type { ProjectSummary } from "~/models/project.server";
import { useFormat, useT } from "~/i18n/context";

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
  const { projects: text, vocabulary } = useT();
  const t = text.list;
  const format = useFormat();
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
            {vocabulary.projectKind[p.kind]} · {vocabulary.projectStage[p.stage]} · {t.openNeeds(p.openNeeds, format.integer(p.openNeeds))}
            {p.seeksPartners ? t.seeksPartners : null}
          </p>
        </>
      )}
    </CardList>
  );
}
