/**
 * FINANCER in the browser, as new people would: a saver signs up and creates a
 * CIGALES club, demo savers join on invitation, the trésorier records their
 * contributions; the club follows a project the matcher suggests, studies it,
 * opens a vote, members vote and the commitment is made. A second club (the
 * demo's « Cigale des Vals ») co-invests; the project's progress bar shows
 * both. The founder then pledges directly and gives to the cagnotte. axe runs
 * on every page.
 */
import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import Database from "better-sqlite3";
import { checkA11y, DEMO_PASSWORD, E2E_DATABASE, expect, signIn, signUp, TEST_CLIENT_HEADERS, test, uniqueEmail } from "./fixtures";

type Persona = { email: string; name: string; page: Page; context: BrowserContext };

type Member = { email: string; name: string; role: string };

/** The demo club « Cigale des Vals »: its id and active members, gérant first. */
function demoClub(): { id: number; members: Member[]; followed: Set<string> } {
  const db = new Database(process.env.E2E_DATABASE ?? E2E_DATABASE, { readonly: true, fileMustExist: true });
  try {
    const club = db.prepare("select id from clubs where name = 'Cigale des Vals'").get() as { id: number };
    const members = db
      .prepare(
        `select u.email, u.display_name as name, m.role from club_members m join users u on u.id = m.user_id
         where m.club_id = ? and m.status = 'actif'
         order by case m.role when 'gerant' then 0 else 1 end, u.id`,
      )
      .all(club.id) as Member[];
    const followed = db
      .prepare("select p.title from club_deals d join projects p on p.id = d.project_id where d.club_id = ?")
      .all(club.id) as { title: string }[];
    return { id: club.id, members, followed: new Set(followed.map((f) => f.title)) };
  } finally {
    db.close();
  }
}

async function persona(browser: Browser, email: string, name: string): Promise<Persona> {
  const context = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris", extraHTTPHeaders: TEST_CLIENT_HEADERS });
  return { email, name, page: await context.newPage(), context };
}

/** axe once per kind of page and state: the same template with other data adds only time. */
const scanned = new Set<string>();
async function a11y(page: Page, key = new URL(page.url()).pathname.replace(/\d+/g, ":id")) {
  if (scanned.has(key)) return;
  scanned.add(key);
  await checkA11y(page);
}

test.beforeEach(() => scanned.clear());

async function visit(page: Page, path: string) {
  await page.goto(path);
  await a11y(page);
}

async function acceptInvitation(member: Persona, clubId: number) {
  await signIn(member.page, member.email, DEMO_PASSWORD);
  await expect(member.page).toHaveURL(/\/espace/);
  await visit(member.page, `/clubs/${clubId}`);
  await member.page.getByRole("button", { name: "Accepter l'invitation" }).click();
  await expect(member.page.getByRole("status")).toContainText("Bienvenue dans le club");
}

async function recordContribution(page: Page, memberName: string, euros: string) {
  await page.getByLabel("Type de mouvement").selectOption({ label: "Épargne versée" });
  await page.getByLabel("Montant (en euros)").fill(euros);
  await page.getByLabel("Membre concerné (épargne versée, retrait)").selectOption({ label: memberName });
  await page.getByRole("button", { name: "Enregistrer le mouvement" }).click();
  await expect(page.getByRole("status")).toContainText("Mouvement enregistré");
}

async function suggestedTitles(page: Page): Promise<string[]> {
  return page.locator(".suggestion h3").allTextContents();
}

/** Follows the project, records the study, opens a vote; returns on the vote page. */
async function putToVote(page: Page, title: string, euros: string) {
  await page.getByRole("button", { name: `Suivre ce projet : ${title}` }).click();
  await expect(page.getByRole("status")).toContainText("repéré");
  await a11y(page, "suivi");
  const study = page.getByRole("form", { name: `Étude du projet ${title}` });
  await study.getByLabel("Notes d'étude").fill("Rencontre avec la personne qui porte le projet : chiffres solides, local trouvé.");
  await study.getByRole("button", { name: "Enregistrer l'étude" }).click();
  await expect(page.getByRole("status")).toContainText("Notes d'étude enregistrées");
  const vote = page.getByRole("form", { name: `Ouvrir un vote sur ${title}` });
  await vote.getByLabel("Montant proposé (en euros)").fill(euros);
  await vote.getByRole("radio", { name: "Entrée au capital" }).check();
  await vote.getByRole("button", { name: "Ouvrir le vote" }).click();
  await expect(page.getByRole("status")).toContainText("Le vote est ouvert");
  await a11y(page, "vote-ouvert");
}

async function castVote(page: Page, voteUrl: string) {
  await page.goto(voteUrl);
  await page.getByRole("radio", { name: "Pour" }).check();
  await page.getByRole("button", { name: "Voter" }).click();
  await expect(page.getByRole("status")).toContainText(/Votre vote est enregistré|Le vote est clos/);
}

test("a club is founded, saves, votes and co-invests; a saver pledges and a donor gives to the cagnotte", async ({ browser }) => {
  test.setTimeout(180_000);
  const vals = demoClub();
  const [bernard, treasurer, third, fourth] = vals.members as [Member, Member, Member, Member];
  const tag = randomBytes(3).toString("hex");
  const clubName = `Cigale des Halles ${tag}`;

  // A new saver signs up and founds a club.
  const founder = await persona(browser, uniqueEmail(), `Léa Fondatrice ${tag}`);
  const g = founder.page;
  await signUp(g, { email: founder.email, displayName: founder.name, roles: ["epargnant"] });
  await expect(g).toHaveURL(/\/espace$/);
  await expect(g.getByText("Bienvenue sur Maillon ! Votre compte est créé.")).toBeVisible();
  await visit(g, "/financer");
  await g.getByRole("link", { name: "Voir les clubs et en créer un" }).click();
  // a11y names the page by its address: the new one first, or /financer (already checked) is skipped.
  await expect(g).toHaveURL(/\/clubs$/);
  await a11y(g);
  await g.getByLabel("Nom du club").fill(clubName);
  await g.getByLabel("Ticket maximum par projet (en euros)").fill("3000");
  await g.getByRole("button", { name: "Créer le club" }).click();
  await expect(g.getByRole("heading", { level: 1, name: clubName })).toBeVisible();
  await expect(g.getByRole("status")).toContainText("en constitution");
  await a11y(g, "club-cree");
  const clubId = Number(new URL(g.url()).pathname.split("/")[2]);

  // Invitations to four savers of the pôle, who accept.
  await visit(g, `/clubs/${clubId}/membres`);
  for (const m of [bernard, treasurer, third, fourth]) {
    await g.getByLabel("Adresse e-mail de son compte Maillon").fill(m.email);
    await g.getByRole("button", { name: "Inviter" }).click();
    await expect(g.getByRole("status")).toContainText("Invitation enregistrée");
  }
  const members: Persona[] = [];
  for (const m of [bernard, treasurer, third, fourth]) {
    const p = await persona(browser, m.email, m.name);
    await acceptInvitation(p, clubId);
    members.push(p);
  }
  const [b, t, x3, x4] = members as [Persona, Persona, Persona, Persona];

  // The gérant names the trésorier and starts the club.
  await visit(g, `/clubs/${clubId}/membres`);
  const officers = g.getByRole("form", { name: "Responsables du club" });
  await officers.getByLabel("Membre").selectOption({ label: treasurer.name });
  await officers.getByLabel("Fonction").selectOption({ label: "Trésorier ou trésorière" });
  await officers.getByRole("button", { name: "Nommer" }).click();
  await expect(g.getByRole("status")).toContainText("Fonction enregistrée");
  await g.goto(`/clubs/${clubId}`);
  await g.getByRole("button", { name: "Démarrer l'épargne et l'investissement" }).click();
  await expect(g.getByRole("status")).toContainText("changé d'étape");
  await expect(g.getByText("En épargne et investissement")).toBeVisible();

  // The gérant edits the club's settings (a bad ticket range is refused at the field).
  await g.getByRole("link", { name: "Modifier les paramètres du club" }).click();
  await expect(g).toHaveURL(new RegExp(`/clubs/${clubId}/parametres$`));
  await a11y(g);
  await g.getByLabel("Présentation (facultatif)").fill("Nous investissons dans les commerces du pôle.");
  await g.getByLabel("Ticket maximum par projet (en euros)").fill("100");
  await g.getByRole("button", { name: "Enregistrer les paramètres" }).click();
  await expect(g.getByText("Le ticket maximum doit être au moins égal au ticket minimum.")).toBeVisible();
  await expect(g.getByLabel("Présentation (facultatif)")).toHaveValue("Nous investissons dans les commerces du pôle.");
  await a11y(g, "parametres-erreur");
  await g.getByLabel("Ticket maximum par projet (en euros)").fill("3000");
  await g.getByRole("button", { name: "Enregistrer les paramètres" }).click();
  await expect(g.getByRole("status")).toContainText("paramètres du club sont enregistrés");
  await expect(g.getByText("Nous investissons dans les commerces du pôle.")).toBeVisible();

  // Five active members: nobody may leave the investing club without a newcomer.
  await visit(x4.page, `/clubs/${clubId}/membres`);
  await x4.page.getByRole("button", { name: "Quitter le club" }).click();
  await expect(x4.page.getByRole("alert")).toContainText("au moins 5 membres actifs");
  await a11y(x4.page, "quitter-refuse");

  // The trésorier records contributions received by transfer.
  await visit(t.page, `/clubs/${clubId}/tresorerie`);
  for (const name of [founder.name, treasurer.name, third.name]) await recordContribution(t.page, name, "1 000");
  await expect(t.page.getByText("Caisse (entrées − sorties)")).toBeVisible();
  await expect(t.page.getByRole("table", { name: /Entrées moins sorties égalent la caisse/ })).toContainText(/3\s000,00/);
  await a11y(t.page, "tresorerie-remplie");

  // The project: suggested to both clubs, not yet followed by the demo club.
  await visit(b.page, `/clubs/${vals.id}/projets`);
  const valsSuggestions = await suggestedTitles(b.page);
  await visit(g, `/clubs/${clubId}/projets`);
  const ours = await suggestedTitles(g);
  const title = ours.find((s) => valsSuggestions.includes(s) && !vals.followed.has(s));
  expect(title, `a project suggested to both clubs among ${JSON.stringify(ours)}`).toBeTruthy();
  await expect(g.locator(".suggestion").filter({ hasText: title! }).getByText("Détail du score", { exact: true })).toBeVisible();
  await expect(g.locator(".suggestion").filter({ hasText: title! }).locator(".score__explanation")).not.toBeEmpty();

  // The gérant opens a vote; three of five vote « pour »: adopted, committed.
  await putToVote(g, title!, "1 000");
  const voteUrl = new URL(g.url()).pathname;
  await castVote(g, voteUrl);
  await castVote(t.page, voteUrl);
  await castVote(x3.page, voteUrl);
  await x3.page.reload();
  await a11y(x3.page, "vote-clos");
  await expect(x3.page.getByText("Vote clos : Adopté.")).toBeVisible();
  await expect(x3.page.getByText(/L'engagement du club de 1\s000,00\s€ est enregistré/)).toBeVisible();

  // A second club co-invests: the demo « Cigale des Vals », whose gérant and members are signed in.
  await b.page.goto(`/clubs/${vals.id}/projets`);
  await putToVote(b.page, title!, "500");
  const secondVote = new URL(b.page.url()).pathname;
  for (const p of [b, t, x3, x4]) await castVote(p.page, secondVote);
  await b.page.reload();
  await expect(b.page.getByText("Vote clos : Adopté.")).toBeVisible();

  // The project's progress bar shows both clubs.
  await b.page.getByRole("link", { name: title! }).first().click();
  await expect(b.page.getByRole("heading", { level: 1, name: title! })).toBeVisible();
  const funding = b.page.locator("section.funding");
  await expect(funding.getByRole("img", { name: /Progression du financement/ })).toBeVisible();
  await expect(funding.getByRole("link", { name: clubName })).toBeVisible();
  await expect(funding.getByRole("link", { name: "Cigale des Vals" })).toBeVisible();
  await expect(funding).toContainText("Aucun paiement ne passe par Maillon");
  await a11y(b.page, "projet-finance");
  const projectPath = new URL(b.page.url()).pathname;

  // The founder pledges directly, and sees it in Mon espace.
  await visit(g, projectPath);
  await g.getByRole("link", { name: "Soutenir ce projet" }).click();
  await expect(g).toHaveURL(new RegExp(`${projectPath}/soutenir$`));
  await a11y(g);
  await g.getByLabel("Montant (en euros)").fill("5");
  await g.getByRole("button", { name: "Enregistrer ma promesse" }).click();
  await expect(g.getByText("Le montant doit être d'au moins 10,00")).toBeVisible();
  await expect(g.getByLabel("Montant (en euros)")).toHaveValue("5");
  await a11y(g, "soutien-erreur");
  await g.getByLabel("Montant (en euros)").fill("150");
  await g.getByRole("radio", { name: "Prêt" }).check();
  await g.getByRole("button", { name: "Enregistrer ma promesse" }).click();
  await expect(g).toHaveURL(/\/espace#mes-soutiens$/);
  await expect(g.getByText("Votre promesse de soutien est enregistrée.", { exact: false })).toBeVisible();
  await expect(g.getByRole("region", { name: "Mon épargne solidaire" })).toContainText(`${title!} : 150,00`);
  await a11y(g, "espace-epargnant");

  // Funding stops at its goal: a cent more than what remains is refused with the amount that remains;
  // exactly that is taken, and the project then says its goal is reached and offers no pledge.
  await visit(g, `${projectPath}/soutenir`);
  const hint = (await g.getByText(/au plus ce qu'il reste à trouver/).textContent()) ?? "";
  const remainingCents = Number(/: ([\d\s\u202f]+),(\d\d)/.exec(hint)!.slice(1).join("").replace(/\D/g, ""));
  const asTyped = (cents: number) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")}`;
  await g.getByLabel("Montant (en euros)").fill(asTyped(remainingCents + 1));
  await g.getByRole("button", { name: "Enregistrer ma promesse" }).click();
  await expect(g.locator(".field-error")).toContainText("à trouver pour ce projet");
  await expect(g.locator(".field-error")).toContainText("votre promesse ne peut pas dépasser ce montant");
  await g.getByLabel("Montant (en euros)").fill(asTyped(remainingCents));
  await g.getByRole("button", { name: "Enregistrer ma promesse" }).click();
  await expect(g).toHaveURL(/\/espace#mes-soutiens$/);
  await visit(g, projectPath);
  await expect(g.getByTestId("objectif-atteint")).toContainText("Objectif atteint.");
  await expect(g.getByRole("link", { name: "Soutenir ce projet" })).toHaveCount(0);
  await visit(g, `${projectPath}/soutenir`);
  await expect(g.getByRole("button", { name: "Enregistrer ma promesse" })).toHaveCount(0);
  await a11y(g, "objectif-atteint");

  // … and gives to the cagnotte solidaire, anonymously.
  await visit(g, "/cagnotte/vals-de-saintonge");
  const before = await g.locator(".stats li").first().textContent();
  await g.getByLabel("Montant du don (en euros)").fill("20");
  await g.getByRole("button", { name: "Enregistrer mon don" }).click();
  await expect(g.getByRole("status")).toContainText("Merci");
  await expect(g.locator(".stats li").first()).not.toHaveText(before ?? "");
  await expect(g.getByRole("img", { name: /Progression vers l'objectif/ })).toBeVisible();
  await a11y(g, "don-merci");

  for (const p of [founder, ...members]) await p.context.close();
});

test("a visitor sees a club's public page but not its internal pages", async ({ page }) => {
  const vals = demoClub();
  await visit(page, `/clubs/${vals.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Cigale des Vals" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Trésorerie" })).toHaveCount(0);
  await page.goto(`/clubs/${vals.id}/tresorerie`);
  await expect(page).toHaveURL(/\/connexion\?redirectTo=/);
  await visit(page, "/clubs");
  await visit(page, "/cagnotte/vals-de-saintonge");
});
