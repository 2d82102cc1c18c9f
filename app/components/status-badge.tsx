import type { ArticleStatus, BookingStatus, MentorshipStatus, NeedStatus, ProjectStatus, UnmetNeedStatus } from "~/domain/vocabulary";
import { useT } from "~/i18n/context";

type Tone = "neutral" | "info" | "success" | "warning" | "muted";

const PROJECT_TONES: Record<ProjectStatus, Tone> = { brouillon: "warning", publie: "success", clos: "muted" };
const NEED_TONES: Record<NeedStatus, Tone> = { ouvert: "info", pourvu: "success", clos: "muted" };
const MENTORSHIP_TONES: Record<MentorshipStatus, Tone> = {
  demande: "warning",
  acceptee: "success",
  refusee: "muted",
  annulee: "muted",
  terminee: "info",
  arretee: "muted",
};

const UNMET_NEED_TONES: Record<UnmetNeedStatus, Tone> = { ouvert: "info", "a-l-etude": "warning", repondu: "success", "non-retenu": "muted" };

function Badge({ tone, children }: { tone: Tone; children: string }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}

export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  return <Badge tone={PROJECT_TONES[status]}>{useT().vocabulary.projectStatus[status]}</Badge>;
}

export function NeedStatusBadge({ status }: { status: NeedStatus }) {
  return <Badge tone={NEED_TONES[status]}>{useT().vocabulary.needStatus[status]}</Badge>;
}

export function MentorshipStatusBadge({ status }: { status: MentorshipStatus }) {
  return <Badge tone={MENTORSHIP_TONES[status]}>{useT().vocabulary.mentorshipStatus[status]}</Badge>;
}

export function UnmetNeedStatusBadge({ status }: { status: UnmetNeedStatus }) {
  return <Badge tone={UNMET_NEED_TONES[status]}>{useT().vocabulary.unmetNeedStatus[status]}</Badge>;
}

const BOOKING_TONES: Record<BookingStatus, Tone> = { demandee: "warning", acceptee: "success", refusee: "muted", annulee: "muted" };

export function BookingStatusBadge({ status }: { status: BookingStatus }) {
  return <Badge tone={BOOKING_TONES[status]}>{useT().vocabulary.bookingStatus[status]}</Badge>;
}

const ARTICLE_TONES: Record<ArticleStatus, Tone> = { soumis: "info", "a-revoir": "warning", publie: "success", refuse: "muted" };

export function ArticleStatusBadge({ status }: { status: ArticleStatus }) {
  return <Badge tone={ARTICLE_TONES[status]}>{useT().vocabulary.articleStatus[status]}</Badge>;
}
