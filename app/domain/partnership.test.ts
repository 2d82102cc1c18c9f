import { describe, expect, it } from "vitest";
import { checkAnswer, checkProposal, contactsExchanged, offerOwnerOf } from "./partnership";

const fine = { offerOpen: true, proposerIsOwnerSide: false, hasPendingProposal: false, ownerIsPublic: true };

describe("who may propose to join", () => {
  it("lets anyone else propose to an open, public search", () => {
    expect(checkProposal(fine)).toEqual({ ok: true });
  });

  it("refuses one's own search, a closed one, a second pending proposal, and hides a draft's", () => {
    expect(checkProposal({ ...fine, proposerIsOwnerSide: true })).toMatchObject({ ok: false, status: 403 });
    expect(checkProposal({ ...fine, offerOpen: false })).toMatchObject({ ok: false, status: 409 });
    expect(checkProposal({ ...fine, hasPendingProposal: true })).toMatchObject({ ok: false, status: 409 });
    expect(checkProposal({ ...fine, ownerIsPublic: false, proposerIsOwnerSide: true })).toMatchObject({ ok: false, status: 404 });
  });
});

describe("who answers, and when contacts are exchanged", () => {
  it("only the search's side answers, once", () => {
    expect(checkAnswer({ answererIsOwnerSide: true, status: "envoyee" })).toEqual({ ok: true });
    expect(checkAnswer({ answererIsOwnerSide: false, status: "envoyee" })).toMatchObject({ ok: false, status: 403 });
    expect(checkAnswer({ answererIsOwnerSide: true, status: "declinee" })).toMatchObject({ ok: false, status: 409 });
  });

  it("exchanges contacts only on acceptance", () => {
    expect(contactsExchanged("acceptee")).toBe(true);
    expect(contactsExchanged("envoyee")).toBe(false);
    expect(contactsExchanged("declinee")).toBe(false);
  });

  it("reads an offer's owner: a project or an organisation, never both nor neither", () => {
    expect(offerOwnerOf({ projectId: 3, organisationId: null })).toEqual({ kind: "project", projectId: 3 });
    expect(offerOwnerOf({ projectId: null, organisationId: 5 })).toEqual({ kind: "organisation", organisationId: 5 });
    expect(offerOwnerOf({ projectId: 3, organisationId: 5 })).toBeNull();
    expect(offerOwnerOf({ projectId: null, organisationId: null })).toBeNull();
  });
});
