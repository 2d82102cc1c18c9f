/**
 * Mail through SMTP, as a real pôle runs it: a second server of the same build (playwright.config.ts)
 * sends to a real test SMTP server, which writes what it receives in E2E_SMTP_MAILBOX. What a person
 * is told arrives there; the one-click unsubscribe of RFC 8058 stops that kind only; a daily digest
 * gathers two events in one message.
 */
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import Database from "better-sqlite3";
import { simpleParser } from "mailparser";
import { E2E_SMTP_APP_PORT, E2E_SMTP_DATABASE, E2E_SMTP_MAILBOX } from "../../playwright.config";
import { checkA11y, DEMO_PASSWORD, expect, signIn, test, TEST_CLIENT_HEADERS } from "./fixtures";

const BASE = `http://127.0.0.1:${E2E_SMTP_APP_PORT}`;
const HOLDER = "porteur@exemple.fr";
const VOLUNTEER = "benevole@exemple.fr";

type Received = { subject: string; text: string; headers: Map<string, string>; links: string[] };

/** Every message the test SMTP server received for `to`, oldest first. */
async function mailbox(to: string): Promise<Received[]> {
  if (!fs.existsSync(E2E_SMTP_MAILBOX)) return [];
  const out: Received[] = [];
  for (const name of fs.readdirSync(E2E_SMTP_MAILBOX).filter((f) => f.endsWith(".eml")).sort()) {
    const parsed = await simpleParser(fs.readFileSync(path.join(E2E_SMTP_MAILBOX, name)));
    const recipients = [parsed.to].flat().flatMap((t) => t?.value ?? []).map((v) => v.address?.toLowerCase());
    if (!recipients.includes(to)) continue;
    const headers = new Map(parsed.headerLines.map(({ key, line }) => [key.toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
    const text = parsed.text ?? "";
    out.push({ subject: parsed.subject ?? "", text, headers, links: [...text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => m[0]) });
  }
  return out;
}

async function waitForCount(to: string, count: number): Promise<Received[]> {
  await expect.poll(async () => (await mailbox(to)).length, { timeout: 20_000 }).toBe(count);
  return mailbox(to);
}

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: BASE, locale: "fr-FR", timezoneId: "Europe/Paris", extraHTTPHeaders: TEST_CLIENT_HEADERS });
  const page = await context.newPage();
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/espace$/);
  return page;
}

/** The holder notes a meeting of mentorship 1 (porteur@ with benevole@, running in the demo). */
async function logSession(holder: Page, topic: string): Promise<void> {
  await holder.goto("/accompagnements/1");
  await holder.getByLabel("Durée (en minutes)").fill("60");
  await holder.getByLabel("Sujet").fill(topic);
  await holder.getByRole("button", { name: "Ajouter la rencontre" }).click();
  await expect(holder.getByRole("status")).toHaveText("La rencontre est ajoutée au journal.");
}

function parisHour(): number {
  return Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", hour: "2-digit", hourCycle: "h23" }).format(new Date()));
}

test.describe.configure({ mode: "serial" });
test.setTimeout(150_000);

test("through SMTP: a holder asks a mentor, the request reaches her mailbox and her bell; the one-click link stops that kind only; a daily digest gathers two events", async ({ browser, playwright }) => {
  const holder = await signedIn(browser, HOLDER);
  const volunteer = await signedIn(browser, VOLUNTEER);
  const start = (await mailbox(VOLUNTEER)).length;

  // The volunteer makes room for more projects (the demo has her at her maximum)…
  await volunteer.goto("/benevoles/profil");
  await volunteer.getByLabel("Nombre de projets que je peux suivre en même temps").fill("6");
  await volunteer.getByRole("button", { name: "Enregistrer mon profil" }).click();
  await expect(volunteer.getByRole("status")).toBeVisible();
  const db = new Database(E2E_SMTP_DATABASE, { readonly: true });
  const volunteerName = (db.prepare("select display_name as n from users where email = ?").get(VOLUNTEER) as { n: string }).n;

  // …and the holder asks her from the suggestions of one of his projects' open needs.
  let asked = false;
  for (const id of [1, 35, 36]) {
    await holder.goto(`/projets/${id}`);
    const ask = holder.getByRole("button", { name: `Demander à ${volunteerName}` }).first();
    if ((await ask.count()) === 0) continue;
    await ask.click();
    await expect(holder.getByRole("status")).toContainText("Votre demande est envoyée");
    asked = true;
    break;
  }
  expect(asked, `${volunteerName} suggested on one of the holder's projects`).toBe(true);
  const [request] = (await waitForCount(VOLUNTEER, start + 1)).slice(start);
  expect(request!.subject).toMatch(/vous demande d'accompagner « .+ » en /);
  await volunteer.reload();
  await expect(volunteer.getByRole("banner").getByRole("link", { name: /^Notifications, [1-9]\d* non lues?$/ })).toBeVisible();
  await volunteer.goto("/notifications");
  await expect(volunteer.getByRole("button", { name: /vous demande d'accompagner/ }).first()).toBeVisible();
  const before = start + 1;

  // A meeting noted by the holder: the volunteer hears of it by mail, with the link, the reason and the unsubscribe headers.
  await logSession(holder, "Premier point sur le prévisionnel");
  const [told] = (await waitForCount(VOLUNTEER, before + 1)).slice(before);
  expect(told!.subject).toMatch(/a noté une rencontre de l'accompagnement de « .+ »$/);
  expect(told!.text).toContain(`Voir le journal : ${BASE}/accompagnements/1`);
  expect(told!.text).toContain("Vous recevez ce message parce que vous faites partie de cet accompagnement.");
  expect(told!.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
  const unsubscribe = /^<(.+)>$/.exec(told!.headers.get("list-unsubscribe") ?? "")![1]!;
  await volunteer.reload();
  await expect(volunteer.getByRole("banner").getByRole("link", { name: /^Notifications, [1-9]\d* non lues?$/ })).toBeVisible();

  // RFC 8058: the mail client posts List-Unsubscribe=One-Click to the link, with no cookie and no page.
  const mailClient = await playwright.request.newContext({ extraHTTPHeaders: TEST_CLIENT_HEADERS });
  const oneClick = await mailClient.post(unsubscribe, { form: { "List-Unsubscribe": "One-Click" } });
  expect(oneClick.status()).toBe(200);
  await mailClient.dispose();

  // The next meeting shows in the app but sends no mail…
  await logSession(holder, "Deuxième point");
  // …while another kind still comes: the volunteer offers help, the project's holder declines, the volunteer is told.
  await volunteer.goto("/benevoles/projets");
  const offer = volunteer.locator(".suggestion").first();
  const projectTitle = (await offer.getByRole("heading").textContent())!.trim();
  await offer.getByRole("button", { name: /^Proposer mon aide/ }).click();
  await expect(volunteer.getByRole("status")).toBeVisible();
  const offered = db
    .prepare(
      `select m.id, u.email from mentorships m join projects p on p.id = m.project_id join users u on u.id = p.owner_id
       join users v on v.id = m.volunteer_id where v.email = ? and m.initiated_by = 'benevole' and p.title = ? order by m.id desc`,
    )
    .get(VOLUNTEER, projectTitle) as { id: number; email: string };
  db.close();
  const other = await signedIn(browser, offered.email);
  await other.goto(`/accompagnements/${offered.id}`);
  await other.getByRole("button", { name: "Décliner" }).click();
  await expect(other.getByRole("status")).toBeVisible();
  const afterDecline = await waitForCount(VOLUNTEER, before + 2);
  expect(afterDecline.at(-1)!.subject).toMatch(/a décliné la demande pour « .+ »$/);
  expect(afterDecline.slice(before + 1).some((m) => /Deuxième point|a noté une rencontre/.test(m.subject))).toBe(false);

  // A daily digest: meetings come « Résumé quotidien » at an hour not reached yet; two happen; then the hour is now.
  await volunteer.goto("/compte/notifications");
  await checkA11y(volunteer);
  const meetings = volunteer.getByRole("group", { name: "Suivi des accompagnements" });
  const late = parisHour() < 23;
  await meetings.getByRole("radio", { name: late ? "Résumé quotidien" : "Résumé hebdomadaire" }).check();
  const today = new Date().toLocaleDateString("fr-FR", { weekday: "long", timeZone: "Europe/Paris" });
  if (late) await volunteer.getByLabel("Heure des résumés (heure de Paris)").selectOption(`${parisHour() + 1} h`);
  else await volunteer.getByLabel("Jour du résumé hebdomadaire").selectOption(today === "lundi" ? "mardi" : "lundi");
  await volunteer.getByRole("button", { name: "Enregistrer mes choix" }).click();
  await expect(volunteer.getByRole("status")).toHaveText("Vos choix de notification sont enregistrés.");
  await logSession(holder, "Troisième point");
  await logSession(holder, "Quatrième point");
  await volunteer.waitForTimeout(3_000); // a pass of the worker: nothing is due yet
  expect(await mailbox(VOLUNTEER)).toHaveLength(before + 2);
  if (late) await volunteer.getByLabel("Heure des résumés (heure de Paris)").selectOption("0 h");
  else await volunteer.getByLabel("Jour du résumé hebdomadaire").selectOption(today);
  await volunteer.getByRole("button", { name: "Enregistrer mes choix" }).click();
  const [digest] = (await waitForCount(VOLUNTEER, before + 3)).slice(before + 2);
  expect(digest!.subject).toMatch(late ? /Votre résumé du jour : 2 nouvelles$/ : /Votre résumé de la semaine : 2 nouvelles$/);
  expect(digest!.text.match(/a noté une rencontre/g)).toHaveLength(2);
  expect(digest!.headers.get("list-unsubscribe")).toBeTruthy();

  for (const page of [holder, volunteer, other]) await page.context().close();
});
