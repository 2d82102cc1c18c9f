import type { GeoPoint } from "./geo";

import type { EndorsementLevel, NeedPriority, ProjectStatus, SkillLevel } from "../vocabulary";

/**
 * INSEE commune code → its point. `null` marks a known commune without a point
 * (a few Pacific communes: matched only for remote help); a missing key is an
 * unknown commune and is refused.
 */
export type CommunePoints = ReadonlyMap<string, GeoPoint | null>;

/** One criterion of a score, as shown to people. */
export type Criterion = {
  key: string;
  /** French label. */
  label: string;
  /** How well the pair does on this criterion, 0..1. */
  value: number;
  /** The criterion's weight (relative). */
  weight: number;
  /** Its share of the 0..100 score: 100 × weight × value / Σ weights. */
  points: number;
};

export type VolunteerInput = {
  id: number;
  displayName: string;
  communeCode: string;
  radiusKm: number;
  remoteOk: boolean;
  maxMentorships: number;
  /** Accepted (running) mentorships. */
  activeMentorships: number;
  paused: boolean;
  skills: readonly { skillId: number; level: SkillLevel }[];
  domainIds: readonly number[];
  completedMentorships: number;
  /** Mean feedback (1..5) received from project holders, null when none. */
  averageRating: number | null;
  lastActiveAt: Date | number;
};

export type ProjectInput = {
  id: number;
  ownerId: number;
  title: string;
  communeCode: string;
  remoteOk: boolean;
  activityDomainId: number;
  /** For the explanation (« même domaine : Bâtiment »). */
  activityDomainName?: string;
  status: ProjectStatus;
  /** Volunteers with a refused mentorship on this project: the pair is never suggested again. */
  declinedVolunteerIds?: readonly number[];
};

export type NeedInput = {
  id: number;
  projectId: number;
  skillId: number;
  skillName: string;
  priority: NeedPriority;
  status: "ouvert" | "pourvu" | "clos";
  /** Volunteers with an open request or a running mentorship on this need. */
  openVolunteerIds?: readonly number[];
};

/**
 * Who accompanies a project, as savers ask it: the volunteers of its accepted or completed
 * mentorships (not requests, not those stopped before their term), their skills, the hours
 * they logged, and the endorsements the holder agreed to publish.
 */
export type Accompaniment = {
  /** Distinct volunteers in an accepted (`acceptee`) or completed (`terminee`) mentorship. */
  mentorCount: number;
  /** The skills they accompany, each once. */
  skillNames: readonly string[];
  /** Session minutes logged in those mentorships. */
  minutes: number;
  /** Published endorsements: the mentor's display name and recommendation level. */
  endorsements: readonly { mentorName: string; level: EndorsementLevel }[];
};
