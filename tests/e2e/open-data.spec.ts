/**
 * Open data over real HTTP, through the production server (page cache, cache policy, compression):
 * a visitor finds /donnees from the footer (axe finds nothing), downloads the whole package, and the
 * API's answers carry the headers the page describes — JSON, Cache-Control public, a weak ETag that is
 * the same whether the answer was rendered or came from the page cache, 304 to If-None-Match — while a
 * signed-in person's answer never goes out as public when it sets a cookie. The contents are checked
 * by app/route-tests/open-data.test.ts.
 */
import { checkA11y, DEMO_PASSWORD, DEMO_PORTEUR_EMAIL, expect, signIn, test } from "./fixtures";

test("a visitor finds the open data from the footer and downloads the whole package", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Données ouvertes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Données ouvertes" })).toBeVisible();
  await expect(page.getByText("etalab-2.0")).toBeVisible();
  await checkA11y(page);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Tous les pôles (maillon.zip)" }).click();
  expect((await download).suggestedFilename()).toBe("maillon.zip");
});

test("the API answers JSON with Cache-Control public and an ETag that the page cache keeps, and 304 to If-None-Match", async ({ request }) => {
  const path = `/api/v1/poles?per_page=3&page=${1 + Math.floor(Math.random() * 5)}`;
  const first = await request.get(path);
  expect(first.status()).toBe(200);
  expect(first.headers()["content-type"]).toBe("application/json; charset=utf-8");
  expect(first.headers()["cache-control"]).toBe("public, max-age=300");
  expect(first.headers()["access-control-allow-origin"]).toBe("*");
  const etag = first.headers()["etag"]!;
  expect(etag).toMatch(/^W\/"[\w-]+"$/);
  const body = await first.json();
  expect(body.data).toHaveLength(3);
  expect(first.headers()["link"]).toContain('rel="next"');

  // The second answer comes from the page cache: same tag, same body.
  const second = await request.get(path);
  expect(second.headers()["etag"]).toBe(etag);
  expect(second.headers()["cache-control"]).toBe("public, max-age=300");
  expect(await second.json()).toEqual(body);

  const unchanged = await request.get(path, { headers: { "If-None-Match": etag } });
  expect(unchanged.status()).toBe(304);
  expect((await unchanged.body()).length).toBe(0);

  // A tag the server never gave: the whole answer.
  const stale = await request.get(path, { headers: { "If-None-Match": 'W/"ancienne"' } });
  expect(stale.status()).toBe(200);
});

test("the OpenAPI file and the packages go out with their types over HTTP", async ({ request }) => {
  const openapi = await request.get("/api/v1/openapi.json");
  expect(openapi.status()).toBe(200);
  expect(Object.keys((await openapi.json()).paths).length).toBeGreaterThanOrEqual(5);
  const zip = await request.get("/donnees/maillon.zip");
  expect(zip.status()).toBe(200);
  expect(zip.headers()["content-type"]).toBe("application/zip");
  expect(zip.headers()["cache-control"]).toBe("public, max-age=300");
  expect((await zip.body()).subarray(0, 2).toString("latin1")).toBe("PK");
  // The tag is the body's: a test beside this one publishing a project or adding an event between two
  // requests changes the package and its tag. A 200 must then carry a new tag, and the pair is tried again.
  let tag = zip.headers()["etag"]!;
  let conditional = await request.get("/donnees/maillon.zip", { headers: { "If-None-Match": tag } });
  for (let tries = 1; conditional.status() === 200 && tries < 5; tries += 1) {
    expect(conditional.headers()["etag"], "a 200 to a tag the server gave means the data changed").not.toBe(tag);
    tag = conditional.headers()["etag"]!;
    conditional = await request.get("/donnees/maillon.zip", { headers: { "If-None-Match": tag } });
  }
  expect(conditional.status()).toBe(304);
});

test("a signed-in person's API answer is never public when it sets a cookie", async ({ page }) => {
  await signIn(page, DEMO_PORTEUR_EMAIL, DEMO_PASSWORD);
  // Signed in once the action has answered (its cookie set), not when the button is clicked.
  await expect(page).toHaveURL(/\/espace$/);
  const response = await page.request.get("/api/v1/projects?per_page=2");
  expect(response.status()).toBe(200);
  const cacheControl = response.headers()["cache-control"];
  if (response.headers()["set-cookie"]) expect(cacheControl).toBe("private, no-store");
  else expect(cacheControl).toBe("public, max-age=300");
  expect((await response.json()).data).toHaveLength(2);
});
