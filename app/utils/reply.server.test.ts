import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { replyInvalid, replyRefused, UNKNOWN_INTENT } from "./reply.server";

const schema = z.object({
  email: z.email("Adresse e-mail invalide."),
  password: z.string().min(12, "12 caractères au moins."),
  city: z.string().optional(),
});

function submit(fields: Record<string, string>) {
  const formData = new FormData();
  for (const [k, v] of Object.entries(fields)) formData.append(k, v);
  return parseWithZod(formData, { schema });
}

describe("replyInvalid", () => {
  it("answers 400 with each message at its field and the values typed, for the page's form", () => {
    const answer = replyInvalid(submit({ email: "pas-une-adresse", password: "court", city: "Maubeuge" }));
    expect(answer.init?.status).toBe(400);
    expect(answer.data.formId).toBeNull();
    expect(answer.data.result.error).toMatchObject({ email: ["Adresse e-mail invalide."], password: ["12 caractères au moins."] });
    expect(answer.data.result.initialValue).toMatchObject({ email: "pas-une-adresse", city: "Maubeuge" });
    expect(answer.data.message).toBeNull();
  });

  it("names the form, adds what only the server knows and never sends a hidden field back", () => {
    const answer = replyInvalid(submit({ email: "a@b.fr", password: "assez-long-pour-passer", city: "Nulle-Part" }), {
      formId: "inscription",
      fieldErrors: { city: ["Commune inconnue."] },
      hideFields: ["password"],
    });
    expect(answer.data.formId).toBe("inscription");
    expect(answer.data.result.error).toMatchObject({ city: ["Commune inconnue."] });
    expect(answer.data.result.initialValue).toMatchObject({ email: "a@b.fr" });
    expect(answer.data.result.initialValue).not.toHaveProperty("password");
  });

  it("takes a reply already made (forms checked against the database) and adds to it", () => {
    const made = submit({ email: "x", password: "court" }).reply();
    const answer = replyInvalid(made, { formErrors: ["Vérifiez le formulaire."] });
    expect(answer.init?.status).toBe(400);
    expect(answer.data.result.error).toMatchObject({ email: ["Adresse e-mail invalide."], "": ["Vérifiez le formulaire."] });
    expect(answer.data.result.initialValue).toMatchObject({ email: "x" });
    expect(answer.data.message).toBe("Vérifiez le formulaire.");
  });
});

describe("replyRefused", () => {
  const valid = () => submit({ email: "a@b.fr", password: "assez-long-pour-passer", city: "Maubeuge" });

  it("puts a refusal that names a field at that field, with the model's status and the values typed", () => {
    const answer = replyRefused({ status: 409, message: "Adresse déjà inscrite.", field: "email" }, { submission: valid(), formId: "inviter" });
    expect(answer.init?.status).toBe(409);
    expect(answer.data.formId).toBe("inviter");
    expect(answer.data.result.error).toMatchObject({ email: ["Adresse déjà inscrite."] });
    expect(answer.data.result.error?.[""]).toBeUndefined();
    expect(answer.data.result.initialValue).toMatchObject({ city: "Maubeuge" });
    expect(answer.data.message).toBeNull();
  });

  it("lands at the route's default field when the refusal names none, and the refusal's own field wins", () => {
    expect(replyRefused({ status: 409, message: "Trop tôt." }, { submission: valid(), field: "city" }).data.result.error).toMatchObject({ city: ["Trop tôt."] });
    const own = replyRefused({ status: 409, message: "Non.", field: "email" }, { submission: valid(), field: "city" });
    expect(own.data.result.error).toMatchObject({ email: ["Non."] });
    expect(own.data.result.error).not.toHaveProperty("city");
  });

  it("puts a refusal without a field at the form, as the message too", () => {
    const answer = replyRefused({ status: 403, message: "Seul le gérant peut faire cela." }, { submission: valid() });
    expect(answer.init?.status).toBe(403);
    expect(answer.data.result.error).toMatchObject({ "": ["Seul le gérant peut faire cela."] });
    expect(answer.data.message).toBe("Seul le gérant peut faire cela.");
  });

  it("answers a form made of one button with the message alone", () => {
    const answer = replyRefused({ status: 404, message: "Promesse introuvable." });
    expect(answer.init?.status).toBe(404);
    expect(answer.data).toEqual({
      formId: null,
      result: { status: "error", error: { "": ["Promesse introuvable."] } },
      message: "Promesse introuvable.",
      choices: null,
    });
    expect(replyRefused(UNKNOWN_INTENT).init?.status).toBe(400);
  });

  it("offers the choices of an ambiguous field, and none when there are none", () => {
    const choices = { commune: [{ value: "59021", label: "Assevent (59600)" }] };
    expect(replyInvalid(valid(), { fieldErrors: { commune: ["Plusieurs communes correspondent."] }, choices }).data.choices).toEqual(choices);
    expect(replyInvalid(valid(), { choices: {} }).data.choices).toBeNull();
  });

  it("never sends a hidden field back", () => {
    const answer = replyRefused({ status: 429, message: "Trop de tentatives." }, { submission: valid(), hideFields: ["password"] });
    expect(answer.data.result.initialValue).not.toHaveProperty("password");
    expect(answer.data.message).toBe("Trop de tentatives.");
  });
});
