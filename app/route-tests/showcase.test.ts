/**
 * The public showcase of projects, /projets, through its real loader: open to visitors, published
 * projects only, filters by pôle, sector, skill needed, funding still sought and stage, pages.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createTestTerritory, createTestUser } from "#seeds/factories";
import { createFundedProject } from "#seeds/finance-factories";
import { createTestHolder, createTestProject } from "#seeds/journey-factories";
import { listActivityDomains } from "~/models/catalog.server";
import { createPledge } from "~/models/pledge.server";
import type { Territory } from "~/models/territory.server";
import * as projectsIndex from "~/routes/projets._index";
import { getDb } from "~/utils/db.server";
import { get } from "./helpers";

const db = () => getDb();

type Card = { id: number; title: string; poles: { slug: string }[]; openSkills: string[]; funding: { totalCents: number; goalReached: boolean } | null };
type Page = {
  showcase: { cards: Card[]; total: number };
  pages: ({ page: number; search: string; current: boolean } | null)[];
  filters: { pole: string | null; page: number };
  me: { mine: { id: number }[] } | null;
};

async function showcase(query: string, userId: number | null = null): Promise<Page> {
  const called = await get(projectsIndex.loader, `/projets${query}`, userId);
  expect(called.status, query).toBe(200);
  return called.data as Page;
}

// Maubeuge and Hautmont: a pôle of its own, so that filtering by it gives exactly this file's projects.
const MAUBEUGE = "59392";
let pole: Territory;

beforeAll(() => {
  pole = createTestTerritory(db(), { departmentCodes: ["59"], communeCodes: [MAUBEUGE, "59291"] });
});

describe("/projets is public", () => {
  it("answers a visitor with the published projects and none of the drafts", async () => {
    const holder = await createTestHolder(db(), { communeCode: MAUBEUGE });
    const published = createTestProject(db(), holder.id, { overrides: { communeCode: MAUBEUGE, title: "Atelier vélo public" } });
    const draft = createTestProject(db(), holder.id, { status: "brouillon", overrides: { communeCode: MAUBEUGE, title: "Brouillon caché" } });
    const page = await showcase(`?pole=${pole.slug}`);
    const ids = page.showcase.cards.map((c) => c.id);
    expect(ids).toContain(published.id);
    expect(ids).not.toContain(draft.id);
    expect(page.me).toBeNull();
    const card = page.showcase.cards.find((c) => c.id === published.id)!;
    expect(card.poles.map((p) => p.slug)).toEqual([pole.slug]);
    expect(card.openSkills).toEqual(["Comptabilité"]);
  });

  it("keeps the holder's own projects for a signed-in holder", async () => {
    const holder = await createTestHolder(db());
    const draft = createTestProject(db(), holder.id, { status: "brouillon" });
    const page = await showcase("", holder.id);
    expect(page.me?.mine.map((p) => p.id)).toEqual([draft.id]);
  });
});

describe("the showcase's filters", () => {
  let ids: Record<"funded" | "reached" | "marketing" | "idea" | "other", number>;

  beforeAll(async () => {
    const holder = await createTestHolder(db(), { communeCode: MAUBEUGE });
    const saver = await createTestUser(db(), { roles: ["epargnant"], communeCode: MAUBEUGE });
    const domains = listActivityDomains(db());
    const funded = createFundedProject(db(), holder.id, { communeCode: MAUBEUGE, amountCents: 1_000_000 });
    const reached = createFundedProject(db(), holder.id, { communeCode: MAUBEUGE, amountCents: 50_000 });
    const pledge = createPledge(db(), saver.id, reached.id, { amountCents: 50_000, kind: "don", message: "" }, new Date());
    if (!pledge.ok) throw new Error(pledge.message);
    createPledge(db(), saver.id, funded.id, { amountCents: 10_000, kind: "don", message: "" }, new Date());
    const marketing = createTestProject(db(), holder.id, {
      needs: [{ skill: "marketing" }],
      overrides: { communeCode: MAUBEUGE, activityDomainId: domains[1]!.id },
    });
    const idea = createTestProject(db(), holder.id, { overrides: { communeCode: "59291", stage: "idee" } });
    // Outside the pôle: never listed under it.
    const other = createTestProject(db(), holder.id, { needs: [{ skill: "marketing" }], overrides: { communeCode: "17347" } });
    ids = { funded: funded.id, reached: reached.id, marketing: marketing.id, idea: idea.id, other: other.id };
  });

  const listed = (page: Page) => page.showcase.cards.map((c) => c.id);

  it("by pôle: only projects whose commune lies in its perimeter", async () => {
    const page = await showcase(`?pole=${pole.slug}`);
    expect(listed(page)).toEqual(expect.arrayContaining([ids.funded, ids.reached, ids.marketing, ids.idea]));
    expect(listed(page)).not.toContain(ids.other);
  });

  it("looking for funding: a funding need not yet reached", async () => {
    const page = await showcase(`?pole=${pole.slug}&financement=1`);
    expect(listed(page)).toEqual([ids.funded]);
    const card = page.showcase.cards[0]!;
    expect(card.funding).toMatchObject({ totalCents: 10_000, goalReached: false });
    const all = await showcase(`?pole=${pole.slug}`);
    expect(all.showcase.cards.find((c) => c.id === ids.reached)?.funding?.goalReached).toBe(true);
  });

  it("by skill needed (an open need), by sector and by stage, combined with the pôle", async () => {
    expect(listed(await showcase(`?pole=${pole.slug}&competence=marketing`))).toEqual([ids.marketing]);
    const domains = listActivityDomains(db());
    expect(listed(await showcase(`?pole=${pole.slug}&secteur=${domains[1]!.slug}`))).toEqual([ids.marketing]);
    expect(listed(await showcase(`?pole=${pole.slug}&etape=idee`))).toEqual([ids.idea]);
  });

  it("drops values that do not exist and the form's empty choices, sending to the one address of the view", async () => {
    const unknown = await get(projectsIndex.loader, "/projets?pole=pole-inconnu&competence=%00&etape=fini&page=abc", null);
    expect(unknown).toMatchObject({ status: 302, location: "/projets" });
    const blank = await get(projectsIndex.loader, `/projets?pole=${pole.slug}&secteur=&competence=&etape=&financement=1`, null);
    expect(blank).toMatchObject({ status: 302, location: `/projets?pole=${pole.slug}&financement=1` });
  });
});

describe("the showcase's pages", () => {
  let territory: Territory;
  let created: number[];

  beforeAll(async () => {
    territory = createTestTerritory(db(), { departmentCodes: ["08"], communeCodes: ["08363"] }); // Revin
    const holder = await createTestHolder(db(), { communeCode: "08363" });
    created = [];
    for (let i = 0; i < 14; i += 1) {
      created.push(createTestProject(db(), holder.id, { overrides: { communeCode: "08363", title: `Projet ardennais ${i}` }, now: new Date(Date.UTC(2026, 0, 1 + i)) }).id);
    }
  });

  it("shows twelve per page, newest first, with links that keep the filters", async () => {
    const first = await showcase(`?pole=${territory.slug}`);
    expect(first.showcase.total).toBe(14);
    expect(first.showcase.cards.map((c) => c.id)).toEqual([...created].reverse().slice(0, 12));
    expect(first.pages.map((p) => p?.search)).toEqual([`?pole=${territory.slug}`, `?pole=${territory.slug}&page=2`]);
    const second = await showcase(`?pole=${territory.slug}&page=2`);
    expect(second.showcase.cards.map((c) => c.id)).toEqual([created[1], created[0]]);
    expect(second.pages.find((p) => p?.current)?.page).toBe(2);
  });

  it("reads a page of cards in one query, however many projects it shows (no query per card)", async () => {
    const client = db().$client;
    const prepare = client.prepare.bind(client);
    const statements: string[] = [];
    client.prepare = ((sql: string) => {
      statements.push(sql);
      return prepare(sql);
    }) as typeof client.prepare;
    try {
      await showcase(`?pole=${territory.slug}`); // 12 cards
      const full = statements.length;
      statements.length = 0;
      await showcase(`?pole=${territory.slug}&page=2`); // 2 cards
      expect(statements.length).toBe(full);
      // The filters' choices (pôles, sectors, skills) and the page itself.
      expect(full).toBe(4);
      expect(statements.filter((s) => s.includes('from "projects"'))).toHaveLength(1);
    } finally {
      client.prepare = prepare;
    }
  });

  it("past the last page: an empty list, the total still right", async () => {
    const far = await showcase(`?pole=${territory.slug}&page=9`);
    expect(far.showcase.cards).toEqual([]);
    expect(far.showcase.total).toBe(14);
  });
});
