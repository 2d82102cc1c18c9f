/**
 * « M'associer avec d'autres »: a project or an organisation that seeks partners says what it
 * brings and what it seeks; others propose to join through a message Maillon delivers. Neither
 * side sees the other's address until the offer's side accepts. Pure rules and French labels.
 */
import type { PartnershipProposalStatus } from "./vocabulary";

export const BRINGS_MAX = 1000;
export const SEEKS_MAX = 1000;
export const PROPOSAL_MESSAGE_MAX = 2000;
export const PROPOSAL_REPLY_MAX = 1000;

export const PARTNERSHIP_PROPOSAL_STATUS_LABELS: Readonly<Record<PartnershipProposalStatus, string>> = {
  envoyee: "En attente de réponse",
  acceptee: "Acceptée",
  declinee: "Déclinée",
};

/** Who seeks partners: a project (its holder answers) or an organisation (its confirmed representatives answer). */
export type OfferOwner = { kind: "project"; projectId: number } | { kind: "organisation"; organisationId: number };

export function offerOwnerOf(offer: { projectId: number | null; organisationId: number | null }): OfferOwner | null {
  if (offer.projectId !== null && offer.organisationId === null) return { kind: "project", projectId: offer.projectId };
  if (offer.organisationId !== null && offer.projectId === null) return { kind: "organisation", organisationId: offer.organisationId };
  return null;
}

export type PartnershipCheck = { ok: true } | { ok: false; status: 403 | 404 | 409; message: string };

const ok: PartnershipCheck = { ok: true };

/** May this person propose to join the offer? Not to their own, not to a closed one, not twice at once. */
export function checkProposal(facts: {
  offerOpen: boolean;
  /** The proposer answers for the offer (its project's holder, one of its organisation's representatives). */
  proposerIsOwnerSide: boolean;
  /** The proposer already has a proposal awaiting an answer on this offer. */
  hasPendingProposal: boolean;
  /** The offer's project is published (organisations' offers are always public). */
  ownerIsPublic: boolean;
}): PartnershipCheck {
  if (!facts.ownerIsPublic) return { ok: false, status: 404, message: "Cette recherche d'associés n'existe pas." };
  if (facts.proposerIsOwnerSide) return { ok: false, status: 403, message: "Vous ne pouvez pas vous proposer à votre propre recherche d'associés." };
  if (!facts.offerOpen) return { ok: false, status: 409, message: "Cette recherche d'associés est close : elle ne reçoit plus de propositions." };
  if (facts.hasPendingProposal) {
    return { ok: false, status: 409, message: "Vous avez déjà une proposition en attente de réponse pour cette recherche d'associés." };
  }
  return ok;
}

/** May this person answer the proposal? Only the offer's side, and only once. */
export function checkAnswer(facts: { answererIsOwnerSide: boolean; status: PartnershipProposalStatus }): PartnershipCheck {
  if (!facts.answererIsOwnerSide) return { ok: false, status: 403, message: "Seule la personne qui cherche des associés répond à cette proposition." };
  if (facts.status !== "envoyee") return { ok: false, status: 409, message: "Vous avez déjà répondu à cette proposition." };
  return ok;
}

/** Contacts are exchanged only once the offer's side accepts. */
export function contactsExchanged(status: PartnershipProposalStatus): boolean {
  return status === "acceptee";
}
