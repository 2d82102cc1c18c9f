import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DecisionLog, MandateList } from "~/components/governance";
import { GOVERNANCE_BODY_KIND_LABELS } from "~/domain/governance";
import { parisIsoDate } from "~/domain/paris-time";
import { isStaffOf } from "~/domain/permissions";
import { authorize } from "~/guards/authorize.server";
import { loadPole } from "~/guards/pole.server";
import { canSeeInternalDecisions, getGovernance } from "~/models/governance.server";
import { getDb } from "~/utils/db.server";
import { useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaText(matches).poles.governancePage;
  return [{ title: data ? t.metaTitle(data.pole.name) : t.metaTitleNoPole }];
};

export function loader({ request, params }: LoaderFunctionArgs) {
  const permit = authorize(request, "poles.$slug_.gouvernance");
  const territory = loadPole(permit, params.slug);
  const db = getDb();
  const today = parisIsoDate(new Date());
  const internal = canSeeInternalDecisions(db, permit.auth, territory.id);
  const bodies = getGovernance(db, territory.id, { today, internal }).map((b) => ({
    ...b,
    // The public page lists the seats held today; past mandates stay in the animation team's page.
    mandates: b.mandates.filter((m) => m.current),
  }));
  return {
    pole: { slug: territory.slug, name: territory.name },
    today,
    internal,
    staff: isStaffOf(permit.auth, territory.id),
    bodies,
  };
}

export default function PoleGovernance() {
  const { pole, today, internal, staff, bodies } = useLoaderData<typeof loader>();
  const { poles, vocabulary } = useT();
  const t = poles.governancePage;
  return (
    <div className="container">
      <p>
        <a href={`/poles/${pole.slug}`}>← {pole.name}</a>
      </p>
      <p className="eyebrow">{pole.name}</p>
      <h1>{t.title}</h1>
      <p>
        {t.intro} {internal ? t.internalShown : t.internalHidden}
      </p>
      {staff ? (
        <p>
          <a href={`/animation/gouvernance?${new URLSearchParams({ pole: pole.slug })}`} className="button button--ghost">
            {t.edit}
          </a>
        </p>
      ) : null}
      {bodies.length === 0 ? <p>{poles.governance.noBody}</p> : null}
      {bodies.map((b) => (
        <section key={b.id} aria-labelledby={`instance-${b.id}`}>
          <h2 id={`instance-${b.id}`}>{b.name}</h2>
          {b.name !== GOVERNANCE_BODY_KIND_LABELS[b.kind] ? <p className="hint">{vocabulary.governanceBodyKind[b.kind]}</p> : null}
          {b.description ? <p className="prewrap">{b.description}</p> : null}
          <h3>{t.seats}</h3>
          <MandateList mandates={b.mandates} today={today} />
          <h3>{t.decisions}</h3>
          <DecisionLog decisions={b.decisions} />
        </section>
      ))}
    </div>
  );
}
