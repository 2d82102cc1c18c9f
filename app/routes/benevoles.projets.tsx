import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CardList } from "~/components/ui/card-list";
import { OfferHelpForm } from "~/components/offer-help-form";
import { ScoreBreakdown } from "~/components/score-breakdown";
import { NEED_PRIORITY_LABELS } from "~/domain/project";
import { suggestNeedsForVolunteer } from "~/models/matching.server";
import { countActiveMentorships, listMentorshipsForUser, requestMentorship } from "~/models/mentorship.server";
import { getVolunteerProfile } from "~/models/volunteer.server";
import { mentorshipRequestSchema } from "~/schemas/mentorship";
import { getDb } from "~/utils/db.server";
import { formatInteger, plural } from "~/domain/format";
import { redirectWithFlash } from "~/utils/flash.server";
import { useFormReply } from "~/utils/reply";
import { replyInvalid, replyRefused } from "~/utils/reply.server";
import { Alert } from "~/components/ui/alert";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { readFormData } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Projets pour moi — Maillon" }];

const LIMIT = 15;

export function loader({ request }: LoaderFunctionArgs) {
  const { auth } = authorize(request, "benevoles.projets");
  const db = getDb();
  const profile = getVolunteerProfile(db, auth.user.id);
  if (!profile) return { hasProfile: false as const, paused: false, full: null, needs: [] };
  const active = countActiveMentorships(db, auth.user.id);
  const full = active >= profile.maxMentorships ? { active, max: profile.maxMentorships } : null;
  const pending = new Set(
    listMentorshipsForUser(db, auth.user.id)
      .filter((m) => m.volunteerId === auth.user.id && (m.status === "demande" || m.status === "acceptee"))
      .map((m) => m.needId),
  );
  const needs = suggestNeedsForVolunteer(db, auth.user.id, { limit: LIMIT + pending.size })
    .filter((n) => !pending.has(n.needId))
    .slice(0, LIMIT);
  return { hasProfile: true as const, paused: profile.paused, full, needs };
}

/** One offer form per need. */
const offerFormId = (needId: number) => `offer-${needId}`;

export async function action({ request }: ActionFunctionArgs) {
  signInFirst(request, "benevoles.projets");
  const formData = await readFormData(request);
  const { auth } = authorize(request, "benevoles.projets", formData);
  const submission = parseWithZod(formData, { schema: mentorshipRequestSchema });
  if (submission.status !== "success") {
    const errors = submission.error ? Object.values(submission.error).flat() : [];
    // The need is unknown, so the page says it rather than one need's form.
    return replyInvalid(submission, { formErrors: [errors.join(" ") || "Proposition invalide."] });
  }
  const { needId, message } = submission.value;
  const result = requestMentorship(
    getDb(),
    { needId, volunteerId: auth.user.id, initiatedBy: "benevole", message: message ?? "" },
    new Date(),
  );
  if (!result.ok) return replyRefused(result, { formId: offerFormId(needId) });
  return redirectWithFlash(`/accompagnements/${result.id}`, "Votre proposition d'aide est envoyée au porteur ou à la porteuse du projet.");
}

function OfferError({ needId }: { needId: number }) {
  const { message } = useFormReply(offerFormId(needId));
  return message ? <Alert tone="error">{message}</Alert> : null;
}

export default function ProjectsForMe() {
  const { hasProfile, paused, full, needs } = useLoaderData<typeof loader>();
  const { message } = useFormReply();
  return (
    <div className="container">
      <p className="eyebrow">Accompagner</p>
      <h1>Projets pour moi</h1>
      {!hasProfile ? (
        <p>
          Pour que Maillon vous propose des projets, <a href="/benevoles/profil">complétez votre profil de bénévole</a>{" "}
          : vos compétences, votre secteur, votre disponibilité.
        </p>
      ) : (
        <>
          <p>
            Les besoins des projets publiés, classés selon vos compétences, la distance et vos disponibilités. Chaque
            proposition dit pourquoi. <a href="/benevoles/profil">Modifier mon profil</a>
          </p>
          {paused ? (
            <Alert tone="error" announce="status">
              Votre accompagnement est en pause : reprenez-le dans votre profil pour proposer votre aide.
            </Alert>
          ) : null}
          {message ? <Alert tone="error">{message}</Alert> : null}
          {full ? (
            <Alert tone="success">
              Vous suivez déjà {plural(full.active, "projet")} sur {formatInteger(full.max)} possible{full.max > 1 ? "s" : ""} :
              Maillon ne vous propose pas d'autre projet tant qu'une place n'est pas libre. Vous pouvez augmenter ce nombre
              dans votre profil.
            </Alert>
          ) : null}
          <CardList
            items={needs}
            empty={full ? undefined : "Aucun besoin ne correspond à votre profil pour l'instant. Revenez bientôt, ou élargissez votre secteur."}
            ordered
            headingLevel={2}
            listClassName="suggestion-list"
            cardClassName="card suggestion"
            link={(n) => ({ key: n.needId, href: `/projets/${n.projectId}`, title: n.projectTitle })}
          >
            {(n) => (
              <>
                <p>
                  <strong>{n.skillName}</strong> · priorité{" "}
                  {NEED_PRIORITY_LABELS[n.priority].toLowerCase()}
                  {` · ${n.distanceText}`}
                </p>
                <ScoreBreakdown id={`score-${n.needId}`} score={n.score} explanation={n.explanation} criteria={n.criteria} />
                <OfferError needId={n.needId} />
                <OfferHelpForm needId={n.needId} idPrefix="message" forWhat={`pour « ${n.projectTitle} » en ${n.skillName}`} />
              </>
            )}
          </CardList>
        </>
      )}
    </div>
  );
}
