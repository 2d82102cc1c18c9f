import { describe, expect, it } from "vitest";
import { createTestUser } from "#seeds/factories";
import { getAuth, startSession } from "./auth.server";
import { getDb } from "./db.server";

function requestWithCookie(setCookie: string | null, path = "/espace"): Request {
  const headers = new Headers();
  if (setCookie) headers.set("Cookie", setCookie.split(";")[0]!);
  return new Request(`http://localhost${path}`, { headers });
}

describe("who is asking", () => {
  it("recognises the person from the session cookie", async () => {
    const user = await createTestUser(getDb(), { roles: ["benevole"] });
    const auth = getAuth(requestWithCookie(startSession(user.id)));
    expect(auth?.user.id).toBe(user.id);
    expect(auth?.roles).toEqual(["benevole"]);
  });

  it("treats a forged cookie as a visitor", async () => {
    expect(getAuth(requestWithCookie("maillon_session=abc.def"))).toBeNull();
  });
});
