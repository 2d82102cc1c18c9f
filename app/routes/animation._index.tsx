import { ConformForm, useSchemaForm } from "~/components/ui/form";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { NoAnimatedPole } from "~/components/animation-page";
import { PoleChooser } from "~/components/pole-chooser";
import { ScoreBreakdown } from "~/components/score-breakdown";
import { FieldError } from "~/components/ui/field";
import { NEED_PRIORITY_LABELS } from "~/domain/project";
import { getAnimationCounts, needIdsInTerritory, proposeRound, type ProposedRound } from "~/models/animation.server";
import { createRequestsFromRound } from "~/models/mentorship.server";
import { countPendingRequests } from "~/models/organisation-request.server";
import { parsePair, roundSendingSchema } from "~/schemas/animation";
import { loadAnimatedPole, requireAnimatedPole } from "~/guards/animation.server";
import { getDb } from "~/utils/db.server";
import { formatInteger, plural } from "~/domain/format";
import { forbidden, readFormData } from "~/utils/http.server";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid } from "~/utils/reply.server";

export const meta: MetaFunction = () => [{ title: "Animation du pôle — Maillon" }];

/** What « Envoyer ces propositions » did, said once on the page it comes back to. */
function sendingReport(sent: number, skipped: number): string {
  const why = skipped > 1 ? "s" : "";
  return (
    plural(sent, "proposition envoyée", "propositions envoyées") +
    (skipped > 0
      ? `, ${plural(skipped, "ignorée", "ignorées")} car devenue${why} impossible${why} depuis le calcul (besoin pourvu, demande déjà en cours ou déclinée, bénévole complet ou en pause)`
      : "") +
    ". Les bénévoles les retrouvent dans leur espace pour y répondre."
  );
}

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
  const submission = parseWithZod(formData, { schema: roundSendingSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const pairs = submission.value.pairs.map(parsePair);
  const inPole = needIdsInTerritory(db, pole.id, pairs.map((p) => p.needId));
  if (pairs.some((p) => !inPole.has(p.needId))) throw forbidden("Ces propositions concernent des projets d'un autre pôle.");
  const result = createRequestsFromRound(db, pairs, auth.user.id, new Date());
  const params = new URLSearchParams({ pole: pole.slug });
  return redirectWithFlash(`/animation?${params}`, sendingReport(result.sent.length, result.skipped.length));
}

function RoundProposal({ round }: { round: ProposedRound }) {
  const navigation = useNavigation();
  const [form, fields] = useSchemaForm(roundSendingSchema, { id: "envoi-tour" });
  return (
    <div className="round">
      <h3 id="resultat-tour">Tour proposé</h3>
      <p>
        {plural(round.pairs.length, "mise en relation proposée", "mises en relation proposées")}, score total{" "}
        <strong data-testid="score-total">{formatInteger(Math.round(round.total))}</strong> (un choix besoin par besoin,
        du meilleur score au moins bon, obtiendrait {formatInteger(Math.round(round.greedyTotal))}). Chaque bénévole reçoit
        au plus autant de propositions qu'il lui reste de places.
      </p>
      {round.pairs.length > 0 ? (
        <ConformForm form={form}>
          <fieldset aria-describedby={fields.pairs.errors ? fields.pairs.errorId : undefined}>
            <legend>Propositions à envoyer aux bénévoles</legend>
            <ul className="plain-list round-list">
              {round.pairs.map((p) => {
                const id = `paire-${p.needId}-${p.volunteerId}`;
                return (
                  <li key={id} className="card round-pair">
                    <label htmlFor={id} className="round-pair__choice">
                      <input id={id} type="checkbox" name="pairs" value={`${p.needId}:${p.volunteerId}`} defaultChecked />
                      <span>
                        <strong>{p.volunteerName}</strong> pour « {p.skillName} » —{" "}
                        <a href={`/projets/${p.projectId}`}>{p.projectTitle}</a>{" "}
                        <span className="hint">(priorité {NEED_PRIORITY_LABELS[p.priority].toLowerCase()})</span>
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
              Envoyer ces propositions
            </button>
          </div>
        </ConformForm>
      ) : null}
      {round.unmatched.length > 0 ? (
        <>
          <h3 id="sans-proposition">Besoins sans proposition</h3>
          <p>Aucun bénévole disponible ne remplit les conditions (compétence, distance, places libres) pour :</p>
          <ul className="plain-list">
            {round.unmatched.map((n) => (
              <li key={n.needId}>
                {n.skillName} — <a href={`/projets/${n.projectId}`}>{n.projectTitle}</a>{" "}
                <span className="hint">(priorité {NEED_PRIORITY_LABELS[n.priority].toLowerCase()})</span>
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
  if (!pole || !counts) {
    return <NoAnimatedPole title="Animation du pôle" />;
  }
  return (
    <div className="container">
      <p className="eyebrow">Animation du pôle</p>
      <h1>{pole.name}</h1>
      <PoleChooser poles={poles} current={pole.slug} />

      <section aria-labelledby="en-ce-moment">
        <h2 id="en-ce-moment">En ce moment</h2>
        <ul className="stats">
          <li>
            <strong data-testid="besoins-ouverts">{formatInteger(counts.openNeeds)}</strong>
            <span>{counts.openNeeds > 1 ? "besoins ouverts" : "besoin ouvert"}</span>
          </li>
          <li>
            <strong data-testid="benevoles-disponibles">{formatInteger(counts.availableVolunteers)}</strong>
            <span>{counts.availableVolunteers > 1 ? "bénévoles disponibles" : "bénévole disponible"}</span>
          </li>
          <li>
            <strong data-testid="demandes-en-attente">{formatInteger(counts.pendingRequests)}</strong>
            <span>{counts.pendingRequests > 1 ? "demandes en attente" : "demande en attente"}</span>
          </li>
          <li>
            <strong data-testid="organisations-en-attente">{formatInteger(organisationRequests)}</strong>
            <span>
              <a href={`/animation/organisations?pole=${pole.slug}`}>
                {organisationRequests > 1 ? "demandes d'organisations à confirmer" : "demande d'organisation à confirmer"}
              </a>
            </span>
          </li>
        </ul>
        <p>
          <a href={`/projets#animation`}>Projets du pôle</a> · <a href={`/animation/ponderations?pole=${pole.slug}`}>Pondérations du calcul</a> ·{" "}
          <a href={`/animation/organisations?pole=${pole.slug}`}>Organisations du pôle</a> ·{" "}
          <a href={`/animation/gouvernance?pole=${pole.slug}`}>Gouvernance du pôle</a> ·{" "}
          <a href={`/animation/impact?pole=${pole.slug}`}>Indicateurs d'impact</a> ·{" "}
          <a href={`/bulletin/moderation?pole=${pole.slug}`}>Relire les articles du bulletin</a>
        </p>
      </section>

      <section aria-labelledby="tour">
        <h2 id="tour">Tour de mise en relation</h2>
        <p>
          Maillon cherche un bénévole pour chaque besoin ouvert du pôle en même temps, de façon à obtenir le meilleur score
          total sans dépasser les places de chacun. Rien n'est envoyé tant que vous n'avez pas validé.
        </p>
        <Form method="get">
          <input type="hidden" name="pole" value={pole.slug} />
          <input type="hidden" name="tour" value="1" />
          <button type="submit" className="button">
            Proposer un tour de mise en relation
          </button>
        </Form>
        {round ? <RoundProposal round={round} /> : null}
      </section>
    </div>
  );
}
