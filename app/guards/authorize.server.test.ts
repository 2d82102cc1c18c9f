import { describe, expect, it } from "vitest";
import { createTestUser } from "#seeds/factories";
import { startSession } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { authorize } from "./authorize.server";

function request(setCookie: string | null, path = "/espace"): Request {
  const headers = new Headers();
  if (setCookie) headers.set("Cookie", setCookie.split(";")[0]!);
  return new Request(`http://localhost${path}`, { headers });
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

function thrown(fn: () => unknown): { status: number; location?: string | null; message?: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof Response) return { status: error.status, location: error.headers.get("Location") };
    const { data, init } = error as { data: { message: string }; init: { status: number } };
    return { status: init.status, message: data.message };
  }
  throw new Error("expected a refusal");
}

describe("authorize", () => {
  it("sends a visitor to /connexion with the page to come back to", () => {
    expect(thrown(() => authorize(request(null, "/compte?onglet=2"), "compte"))).toEqual({
      status: 302,
      location: "/connexion?redirectTo=%2Fcompte%3Fonglet%3D2",
    });
  });

  it("refuses with 403 a signed-in person without the role, and lets an admin through", async () => {
    const holder = await createTestUser(getDb(), { roles: ["benevole"] });
    expect(thrown(() => authorize(request(startSession(holder.id)), "projets.nouveau")).status).toBe(403);
    const admin = await createTestUser(getDb(), { roles: ["admin"] });
    expect(authorize(request(startSession(admin.id)), "projets.nouveau").auth.userId).toBe(admin.id);
  });

  it("lets the person in when the rule admits them, with the rule and the intent", async () => {
    const saver = await createTestUser(getDb(), { roles: ["epargnant"] });
    const permit = authorize(request(startSession(saver.id)), "projets.$id.soutenir", form({ intent: "cancel-pledge" }));
    expect(permit.intent).toBe("cancel-pledge");
    expect(permit.rule.on).toBe("pledge");
  });

  it("refuses an intent the table does not list (default deny), even to an admin", async () => {
    const admin = await createTestUser(getDb(), { roles: ["admin"] });
    const refusal = thrown(() => authorize(request(startSession(admin.id)), "projets.$id._index", form({ intent: "delete-everything" })));
    expect(refusal).toEqual({ status: 403, message: "Cette action n'est pas permise ici." });
  });

  it("sends a visitor who posts an unlisted intent to sign in where the page's actions need it", () => {
    expect(thrown(() => authorize(request(null, "/projets/1"), "projets.$id._index", form({ intent: "pirater" }))).status).toBe(302);
  });

  it("reads a form without intent as the route's only action, or submit", async () => {
    const holder = await createTestUser(getDb(), { roles: ["porteur"] });
    expect(authorize(request(startSession(holder.id)), "projets.nouveau", form({ title: "x" })).intent).toBe("submit");
    expect(authorize(request(startSession(holder.id)), "projets.$id.besoins.nouveau", form({})).intent).toBe("save");
    expect(thrown(() => authorize(request(startSession(holder.id)), "projets.$id._index", form({}))).status).toBe(403);
  });

  it("sends a signed-in person away from pages meant for visitors", async () => {
    const user = await createTestUser(getDb(), { roles: ["porteur"] });
    expect(thrown(() => authorize(request(startSession(user.id), "/connexion"), "connexion", { signedInTo: "/compte" }))).toEqual({
      status: 302,
      location: "/compte",
    });
    expect(authorize(request(null, "/inscription"), "inscription").auth).toBeNull();
  });
});
