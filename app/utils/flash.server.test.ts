import { createCookie } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { readFlash, redirectWithFlash } from "./flash.server";

/** The `name=value` part of each Set-Cookie, as a browser would send it back. */
function cookiesOf(headers: Headers): string {
  return headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

function requestWith(cookie: string): Request {
  return new Request("http://localhost/espace", { headers: { Cookie: cookie } });
}

describe("flash message", () => {
  it("travels in a signed, HttpOnly cookie, not in the URL, and keeps the other headers", async () => {
    const response = await redirectWithFlash("/espace#mes-soutiens", "Votre promesse de soutien est enregistrée.", {
      headers: { "Set-Cookie": "maillon_session=abc; Path=/" },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/espace#mes-soutiens");
    const [session, flash] = response.headers.getSetCookie();
    expect(session).toBe("maillon_session=abc; Path=/");
    expect(flash).toMatch(/^maillon_flash=[^;]+; Max-Age=60; Path=\/; HttpOnly; SameSite=Lax/);
    expect(flash).not.toContain("promesse");
  });

  it("is read once: the answer that shows it clears it", async () => {
    const response = await redirectWithFlash("/compte", "Votre mot de passe a été modifié. Vos autres sessions ont été fermées.");
    const first = await readFlash(requestWith(cookiesOf(response.headers)));
    expect(first.flash).toEqual({ message: "Votre mot de passe a été modifié. Vos autres sessions ont été fermées." });
    const cleared = first.headers.getSetCookie();
    expect(cleared).toHaveLength(1);
    expect(cleared[0]).toMatch(/^maillon_flash=; Max-Age=0; Path=\/; Expires=Thu, 01 Jan 1970/);
    // What the browser sends after applying that header: nothing left to show.
    expect((await readFlash(requestWith(cookiesOf(first.headers)))).flash).toBeNull();
    expect((await readFlash(requestWith(""))).flash).toBeNull();
  });

  it("may carry a link onwards, to a page of this site only", async () => {
    const withLink = await redirectWithFlash("/benevoles/profil", {
      message: "Votre profil est enregistré.",
      link: { href: "/benevoles/projets", label: "Voir les projets pour moi" },
    });
    expect((await readFlash(requestWith(cookiesOf(withLink.headers)))).flash).toEqual({
      message: "Votre profil est enregistré.",
      link: { href: "/benevoles/projets", label: "Voir les projets pour moi" },
    });
    const elsewhere = await redirectWithFlash("/", { message: "Enregistré.", link: { href: "//exemple.com", label: "Ailleurs" } });
    expect((await readFlash(requestWith(cookiesOf(elsewhere.headers)))).flash).toEqual({ message: "Enregistré." });
  });

  it("sends no header when there is no message", async () => {
    const none = await readFlash(requestWith("maillon_session=abc"));
    expect(none.flash).toBeNull();
    expect(none.headers.getSetCookie()).toEqual([]);
  });

  it("ignores a cookie changed by hand or signed with another secret, and clears it", async () => {
    const response = await redirectWithFlash("/", "Le club est créé.");
    const genuine = cookiesOf(response.headers);
    const [name, value] = genuine.split("=") as [string, string];
    const forgedValue = Buffer.from(JSON.stringify({ message: "Faites un virement à ce compte." })).toString("base64");
    const tampered = `${name}=${forgedValue}${value.slice(value.indexOf("."))}`;
    const tamperedRead = await readFlash(requestWith(tampered));
    expect(tamperedRead.flash).toBeNull();
    expect(tamperedRead.headers.getSetCookie()[0]).toMatch(/Max-Age=0/);

    const unsigned = `${name}=${forgedValue}`;
    expect((await readFlash(requestWith(unsigned))).flash).toBeNull();

    const other = createCookie("maillon_flash", { secrets: ["un-autre-secret-que-celui-du-serveur"] });
    expect((await readFlash(requestWith((await other.serialize({ message: "Faux message" })).split(";")[0]!))).flash).toBeNull();
  });
});
