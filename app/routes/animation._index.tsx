import { ConformForm, useSchemaForm } from "~/components/ui/form";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { NoAnimatedPole } from "~/components/animation-page";
import { PoleChooser } from "~/components/pole-chooser";
import { ScoreBreakdown } from "~/components/score-breakdown";
import { FieldError } from "~/components/ui/field";
import { getAnimationCounts, needIdsInTerritory, proposeRound, type ProposedRound } from "~/models/animation.server";
import { createRequestsFromRound } from "~/models/mentorship.server";
import { countPendingRequests } from "~/models/organisation-request.server";
import { parsePair, roundSendingSchema } from "~/schemas/animation";
import { loadAnimatedPole, requireAnimatedPole } from "~/guards/animation.server";
import { getDb } from "~/utils/db.server";
import { forbidden, readFormData } from "~/utils/http.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid } from "~/utils/reply.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaText(matches).animation.index.metaTitle }];

export function loader({ request }: LoaderFunctionArgs) {
  const { poles, pole } = loadAnimatedPole(authorize(request, "animation._index"), request);
  const url = new URL(request.url);
  const db = getDb();
  return {
    poles,
    pole,
    counts: pole ? getAnimationCounts(db, pole.id) : null,
    organisationRequests: pole ? countPendingRequests(db, pole.id) : 0,
    // Computing a round changes nothing: a GET with ?tour=1.
    round: pole && url.searchParams.get("tour") ? proposeRound(db, pole.id, new Date()) : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  signInFirst(request, "animation._index");
  const formData = await readFormData(request);
  const { auth, pole } = requireAnimatedPole(authorize(request, "animation._index", formData), request);
  const db = getDb();
  const { t: text, format } = requestText(request);
  const t = text.animation.index;
  const submission = parseWithZod(formData, { schema: roundSendingSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const pairs = submission.value.pairs.map(parsePair);
  const inPole = needIdsInTerritory(db, pole.id, pairs.map((p) => p.needId));
  if (pairs.some((p) => !inPole.has(p.needId))) throw forbidden(t.otherPole);
  const result = createRequestsFromRound(db, pairs, auth.user.id, new Date());
  const params = new URLSearchParams({ pole: pole.slug });
  // What « Envoyer ces propositions » did, said once on the page it comes back to.
  const report = t.sendingReport(result.sent.length, format.integer(result.sent.length), result.skipped.length, format.integer(result.skipped.length));
  return redirectWithFlash(`/animation?${params}`, report);
}

function RoundProposal({ round }: { round: ProposedRound }) {
  const navigation = useNavigation();
  const [form, fields] = useSchemaForm(roundSendingSchema, { id: "envoi-tour" });
  const { animation, vocabulary } = useT();
  const t = animation.index;
  const format = useFormat();
  return (
    <div className="round">
      <h3 id="resultat-tour">{t.roundTitle}</h3>
      <p>
        {t.roundPairs(round.pairs.length, format.integer(round.pairs.length))}{" "}
        <strong data-testid="score-total">{format.integer(Math.round(round.total))}</strong>
        {t.roundAfter(format.integer(Math.round(round.greedyTotal)))}
      </p>
      {round.pairs.length > 0 ? (
        <ConformForm form={form}>
          <fieldset aria-describedby={fields.pairs.errors ? fields.pairs.errorId : undefined}>
            <legend>{t.toSend}</legend>
            <ul className="plain-list round-list">
              {round.pairs.map((p) => {
                const id = `paire-${p.needId}-${p.volunteerId}`;
                return (
                  <li key={id} className="card round-pair">
                    <label htmlFor={id} className="round-pair__choice">
                      <input id={id} type="checkbox" name="pairs" value={`${p.needId}:${p.volunteerId}`} defaultChecked />
                      <span>
                        <strong>{p.volunteerName}</strong>
                        {t.pairFor(p.skillName)}{" "}
                        <a href={`/projets/${p.projectId}`}>{p.projectTitle}</a>{" "}
                        <span className="hint">{t.priority(vocabulary.needPriority[p.priority])}</span>
                      </span>
                    </label>
                    <ScoreBreakdown id={id} score={p.score} explanation={p.explanation} criteria={p.criteria} />
                  </li>
                );
              })}
            </ul>
          </fieldset>
          <FieldError meta={fields.pairs} />
          <div>
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {t.send}
            </button>
          </div>
        </ConformForm>
      ) : null}
      {round.unmatched.length > 0 ? (
        <>
          <h3 id="sans-proposition">{t.unmatched}</h3>
          <p>{t.unmatchedIntro}</p>
          <ul className="plain-list">
            {round.unmatched.map((n) => (
              <li key={n.needId}>
                {n.skillName} — <a href={`/projets/${n.projectId}`}>{n.projectTitle}</a>{" "}
                <span className="hint">{t.priority(vocabulary.needPriority[n.priority])}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

export default function AnimationPage() {
  const { poles, pole, counts, round, organisationRequests } = useLoaderData<typeof loader>();
  const t = useT().animation.index;
  const format = useFormat();
  if (!pole || !counts) {
    return <NoAnimatedPole title={t.title} />;
  }
  return (
    <div className="container">
      <p className="eyebrow">{t.title}</p>
      <h1>{pole.name}</h1>
      <PoleChooser poles={poles} current={pole.slug} />

      <section aria-labelledby="en-ce-moment">
        <h2 id="en-ce-moment">{t.now}</h2>
        <ul className="stats">
          <li>
            <strong data-testid="besoins-ouverts">{format.integer(counts.openNeeds)}</strong>
            <span>{t.openNeeds(counts.openNeeds)}</span>
          </li>
          <li>
            <strong data-testid="benevoles-disponibles">{format.integer(counts.availableVolunteers)}</strong>
            <span>{t.availableVolunteers(counts.availableVolunteers)}</span>
          </li>
          <li>
            <strong data-testid="demandes-en-attente">{format.integer(counts.pendingRequests)}</strong>
            <span>{t.pendingRequests(counts.pendingRequests)}</span>
          </li>
          <li>
            <strong data-testid="organisations-en-attente">{format.integer(organisationRequests)}</strong>
            <span>
              <a href={`/animation/organisations?pole=${pole.slug}`}>
                {t.organisationRequests(organisationRequests)}
              </a>
            </span>
          </li>
        </ul>
        <p>
          <a href={`/projets#animation`}>{t.projects}</a> · <a href={`/animation/ponderations?pole=${pole.slug}`}>{t.weights}</a> ·{" "}
          <a href={`/animation/organisations?pole=${pole.slug}`}>{t.organisations}</a> ·{" "}
          <a href={`/animation/gouvernance?pole=${pole.slug}`}>{t.governance}</a> ·{" "}
          <a href={`/animation/impact?pole=${pole.slug}`}>{t.impact}</a> ·{" "}
          <a href={`/bulletin/moderation?pole=${pole.slug}`}>{t.bulletin}</a>
        </p>
      </section>

      <section aria-labelledby="tour">
        <h2 id="tour">{t.round}</h2>
        <p>{t.roundIntro}</p>
        <Form method="get">
          <input type="hidden" name="pole" value={pole.slug} />
          <input type="hidden" name="tour" value="1" />
          <button type="submit" className="button">
            {t.propose}
          </button>
        </Form>
        {round ? <RoundProposal round={round} /> : null}
      </section>
    </div>
  );
}
