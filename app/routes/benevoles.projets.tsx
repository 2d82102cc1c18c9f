import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CardList } from "~/components/ui/card-list";
import { OfferHelpForm } from "~/components/offer-help-form";
import { ScoreBreakdown } from "~/components/score-breakdown";
import { suggestNeedsForVolunteer } from "~/models/matching.server";
import { countActiveMentorships, listMentorshipsForUser, requestMentorship } from "~/models/mentorship.server";
import { getVolunteerProfile } from "~/models/volunteer.server";
import { mentorshipRequestSchema } from "~/schemas/mentorship";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { useFormReply } from "~/utils/reply";
import { replyInvalid, replyRefused } from "~/utils/reply.server";
import { Alert } from "~/components/ui/alert";
import { authorize, signInFirst } from "~/guards/authorize.server";
import { readFormData } from "~/utils/http.server";
import { useFormat, useT } from "~/i18n/context";
import { metaText } from "~/i18n/meta";
import { requestText } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: metaText(matches).mentoring.forMe.metaTitle }];

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
    return replyInvalid(submission, { formErrors: [errors.join(" ") || requestText(request).t.mentoring.forMe.invalid] });
  }
  const { needId, message } = submission.value;
  const result = requestMentorship(
    getDb(),
    { needId, volunteerId: auth.user.id, initiatedBy: "benevole", message: message ?? "" },
    new Date(),
  );
  if (!result.ok) return replyRefused(result, { formId: offerFormId(needId) });
  return redirectWithFlash(`/accompagnements/${result.id}`, requestText(request).t.mentoring.forMe.sent);
}

function OfferError({ needId }: { needId: number }) {
  const { message } = useFormReply(offerFormId(needId));
  return message ? <Alert tone="error">{message}</Alert> : null;
}

export default function ProjectsForMe() {
  const { hasProfile, paused, full, needs } = useLoaderData<typeof loader>();
  const { message } = useFormReply();
  const { mentoring, vocabulary } = useT();
  const t = mentoring.forMe;
  const format = useFormat();
  return (
    <div className="container">
      <p className="eyebrow">{t.eyebrow}</p>
      <h1>{t.title}</h1>
      {!hasProfile ? (
        <p>
          {t.noProfileBefore} <a href="/benevoles/profil">{t.noProfileLink}</a> {t.noProfileAfter}
        </p>
      ) : (
        <>
          <p>
            {t.intro} <a href="/benevoles/profil">{t.editProfile}</a>
          </p>
          {paused ? (
            <Alert tone="error" announce="status">
              {t.paused}
            </Alert>
          ) : null}
          {message ? <Alert tone="error">{message}</Alert> : null}
          {full ? (
            <Alert tone="success">
              {t.full(format.plural(full.active, t.project), full.max, format.integer(full.max))}
            </Alert>
          ) : null}
          <CardList
            items={needs}
            empty={full ? undefined : t.empty}
            ordered
            headingLevel={2}
            listClassName="suggestion-list"
            cardClassName="card suggestion"
            link={(n) => ({ key: n.needId, href: `/projets/${n.projectId}`, title: n.projectTitle })}
          >
            {(n) => (
              <>
                <p>
                  <strong>{n.skillName}</strong> · {t.priority}{" "}
                  {vocabulary.needPriority[n.priority].toLowerCase()}
                  {` · ${n.distanceText}`}
                </p>
                <ScoreBreakdown id={`score-${n.needId}`} score={n.score} explanation={n.explanation} criteria={n.criteria} />
                <OfferError needId={n.needId} />
                <OfferHelpForm needId={n.needId} idPrefix="message" forWhat={t.forWhat(n.projectTitle, n.skillName)} />
              </>
            )}
          </CardList>
        </>
      )}
    </div>
  );
}
