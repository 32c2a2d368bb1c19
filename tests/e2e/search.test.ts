import { appendFileSync, readFileSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import type { BrowserContextOptions, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { servedSite } from "./served-site";
import { runBuild } from "./scratch-project";
// @ts-expect-error: a plain ES module script without type declarations
import { serveStatic } from "../../scripts/serve.mjs";

// Search in the static build (build/search-index.server.ts, components/search-*.ts, routes/search.tsx):
// the header's field, the search page and its filters in the URL, typos, CJK, and a page that does
// not search loading nothing for it. One build for the file, its index in shards of at most two posts
// (FOLIO_SEARCH_SHARD_SIZE), so that every search merges several: en-0 (cancer, folding, 東京), en-1
// (bread), en-3 (consent, weather, trip) and zh-0.

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const post = (frontMatter: string, body: string) => `---\n${frontMatter}\n---\n\n${body}\n`;
const POSTS = {
  "cancer.md": post(
    "title: Tumour biology for engineers\ndate: 2024-03-04\ntags: [ai, ethics]\ncategories: [Healthcare]\nauthor: Elena Marsh",
    "Cells grow.\n\n## Why cancer cells divide\n\nA cancer cell ignores the signals that stop division.\n\n## Treatments\n\nRadiotherapy and surgery.",
  ),
  "consent.md": post(
    "title: Consent for medical data\ndate: 2024-06-10\ntags: [ethics, data]\ncategories: [Healthcare]\nauthor: Marcus Okafor",
    "Patients should know how their records are used.",
  ),
  "folding.md": post(
    "title: Protein folding predicted\ndate: 2022-06-01\ntags: [ai, proteins]\ncategories: [Science]\nauthor: Elena Marsh",
    "AlphaFold predicts structures of folded proteins.",
  ),
  "weather.md": post(
    "title: A talk at the science café\ndate: 2023-02-19\ntags: [ai, climate]\ncategories: [Science]\nauthor: Marcus Okafor",
    "Thirty people and a coffee machine heard about forecasting.",
  ),
  "bread.md": post("title: Baking bread\ndate: 2022-11-20\ncategories: [Kitchen]", "Rye flour and patience."),
  "secret.md": post("title: Unfinished\ndate: 2024-01-01\ndraft: true", "The zeppelinology notes are not ready."),
  "trip/index.md": post("title: A trip to the harbour\ndate: 2024-03-01", "We left early and walked to the harbour."),
  "trip/index.zh.md": post("title: 旅行\ndate: 2024-03-01", "我们很早就出发了，一路走到港口。"),
  // A post whose address is not ASCII (/posts/東京/): a result must open it, by the keyboard and as a link.
  "東京.md": post("title: Notes from Tokyo\ndate: 2021-04-02", "The trains of Shinjuku leave on the minute."),
};

let projectDir = "";
const SHARDS = { FOLIO_SEARCH_SHARD_SIZE: "2" };
const site = servedSite(POSTS, { prepare: (dir) => (projectDir = dir), buildEnv: SHARDS });
const errors: string[] = [];
afterEach(() => expect(errors.splice(0)).toEqual([]));

/** A page of the site in a fresh context (an empty cache), with every request it makes listed. */
async function open(path: string, options: BrowserContextOptions = {}, origin = site.origin): Promise<{ page: Page; requests: string[] }> {
  const context = await site.browser.newContext(options);
  const page = await context.newPage();
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url().replace(origin, "")));
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${origin}${path}`, { waitUntil: "networkidle" });
  return { page, requests };
}

const searchField = (page: Page) => page.getByRole("combobox", { name: "Search posts" });
const options = (page: Page) => page.getByRole("listbox", { name: "Search results" }).getByRole("option");
/** The search page's status line, which says how many posts were found. */
const pageStatus = (page: Page) => page.locator(".search-status");
const resultTitles = (page: Page) => page.locator(".search-results .search-hit-title").allInnerTexts();

/** Types into the header's field and waits for its list (the results, then the search page's option). */
async function typeInHeader(page: Page, words: string): Promise<void> {
  await searchField(page).fill(words);
  await expect.poll(() => options(page).last().innerText(), { timeout: 10_000 }).toMatch(/results for|Search the posts for/);
}

describe("the header's search", () => {
  it("loads nothing for search until the reader focuses the field", async () => {
    const { page, requests } = await open("/posts/consent/");
    await page.getByRole("heading", { level: 1, name: "Consent for medical data" }).waitFor();
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(300);
    expect(requests.filter((url) => url.startsWith("/pagefind/") || /search-(lazy|engine|hit)/.test(url))).toEqual([]);
    await searchField(page).focus();
    await expect.poll(() => requests.filter((url) => /^\/pagefind\/en-\d+\/pagefind\.js$/.test(url))).toHaveLength(1);
    await page.context().close();
  });

  it("shows results as the reader types: title, date, the passage with the words marked, tags", async () => {
    const { page } = await open("/");
    await searchField(page).click();
    await typeInHeader(page, "consent");
    const first = options(page).first();
    expect(await first.locator(".search-hit-title").innerText()).toBe("Consent for medical data");
    expect(await first.locator("time").innerText()).toBe("10 June 2024");
    expect(await first.locator("mark").first().innerText()).toMatch(/^consent$/i);
    expect(await first.locator(".search-hit-tags").innerText()).toBe("#ethics #data");
    await expect.poll(() => page.locator(".site-search [role=status]").innerText()).toBe("1 post found.");
    expect(await searchField(page).getAttribute("aria-expanded")).toBe("true");
    await page.context().close();
  });

  it("is focused by / and Ctrl-K, not while typing elsewhere; arrows choose, Enter opens the post at the matching heading", async () => {
    const { page } = await open("/search/");
    // Typing "/" in the search page's own field types it.
    await page.getByLabel("Words").focus();
    await page.keyboard.press("/");
    expect(await page.getByLabel("Words").inputValue()).toBe("/");
    await page.getByLabel("Words").fill("");
    await page.locator("h1").click();
    await page.keyboard.press("/");
    expect(await searchField(page).evaluate((input) => input === document.activeElement)).toBe(true);
    await page.locator("h1").click();
    await page.keyboard.press("Control+k");
    expect(await searchField(page).evaluate((input) => input === document.activeElement)).toBe(true);

    await page.keyboard.type("cancer");
    await expect.poll(() => options(page).count(), { timeout: 10_000 }).toBe(2);
    await page.keyboard.press("ArrowDown");
    const activeId = await searchField(page).getAttribute("aria-activedescendant");
    expect(await options(page).first().getAttribute("id")).toBe(activeId);
    expect(await options(page).first().getAttribute("aria-selected")).toBe("true");
    expect(await options(page).first().locator(".search-hit-heading").innerText()).toContain("Why cancer cells divide");
    await page.keyboard.press("ArrowDown");
    expect(await options(page).last().getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${site.origin}/posts/cancer/#why-cancer-cells-divide`);
    await page.getByRole("heading", { level: 1, name: "Tumour biology for engineers" }).waitFor();
    await expect
      .poll(() => page.locator("#why-cancer-cells-divide").evaluate((heading) => heading.getBoundingClientRect().top))
      .toBeLessThan(200);
    await page.context().close();
  });

  it("Enter with no result chosen opens the search page with the words", async () => {
    const { page } = await open("/");
    await searchField(page).click();
    await typeInHeader(page, "ai");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${site.origin}/search/?q=ai`);
    await expect.poll(() => resultTitles(page)).toHaveLength(3);
    await page.context().close();
  });
});

describe("what search finds", () => {
  /** The titles the search page shows for `query`. */
  async function found(query: string): Promise<{ titles: string[]; status: string }> {
    const { page } = await open(`/search/?q=${encodeURIComponent(query)}`);
    await expect.poll(() => pageStatus(page).innerText(), { timeout: 10_000 }).toMatch(/found/);
    const result = { titles: await resultTitles(page), status: await pageStatus(page).innerText() };
    await page.context().close();
    return result;
  }

  it("corrects a typo to the nearest word the posts use", async () => {
    const { titles, status } = await found("canser");
    expect(titles).toEqual(["Tumour biology for engineers"]);
    expect(status).toContain("“cancer”");
  });

  it("folds diacritics, matches beginnings of words and stems English", async () => {
    expect((await found("cafe")).titles).toEqual(["A talk at the science café"]);
    expect((await found("protei")).titles).toEqual(["Protein folding predicted"]);
    // "grow" is in the post, "growing" in no post and not a beginning of a word: Pagefind's English stemmer.
    expect((await found("growing")).titles).toEqual(["Tumour biology for engineers"]);
  });

  it("finds Chinese text inside a sentence, in the Chinese translation", async () => {
    const { page } = await open(`/search/?q=${encodeURIComponent("港口")}`);
    await expect.poll(() => resultTitles(page), { timeout: 10_000 }).toEqual(["旅行"]);
    expect(await page.locator(".search-results a").getAttribute("href")).toBe("/zh/posts/trip/");
    await page.context().close();
  });

  it("opens a post whose address is not ASCII, from the header and from the search page", async () => {
    const { page } = await open("/");
    await searchField(page).click();
    await typeInHeader(page, "shinjuku");
    expect(await options(page).first().locator(".search-hit-title").innerText()).toBe("Notes from Tokyo");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Notes from Tokyo" }).waitFor();
    expect(decodeURI(new URL(page.url()).pathname)).toBe("/posts/東京/");
    // The search page's link, loaded as a reader opening it in a new tab would: from the static server.
    await page.goto(`${site.origin}/search/?q=shinjuku`, { waitUntil: "networkidle" });
    await expect.poll(() => resultTitles(page), { timeout: 10_000 }).toEqual(["Notes from Tokyo"]);
    const href = (await page.locator(".search-results a").first().getAttribute("href"))!;
    expect(decodeURI(href)).toBe("/posts/東京/");
    await page.goto(`${site.origin}${href}`, { waitUntil: "networkidle" });
    expect(await page.locator("h1").innerText()).toBe("Notes from Tokyo");
    await page.context().close();
  });

  it("leaves drafts out of the index", async () => {
    expect(await found("zeppelinology")).toEqual({ titles: [], status: "No posts found." });
  });
});

describe("the search page's filters", () => {
  const checked = (page: Page) =>
    page.locator(".search-tags input:checked").evaluateAll((inputs) => inputs.map((input) => input.parentElement!.textContent!.trim()));

  it("restores a shared URL's filters exactly, with counts, and lists the posts they let through", async () => {
    const { page } = await open("/search/?tags=ai,ethics&category=Healthcare&year=2024");
    await expect.poll(() => resultTitles(page), { timeout: 10_000 }).toEqual(["Tumour biology for engineers"]);
    expect(await checked(page)).toEqual(["ai (1)", "ethics (1)"]);
    expect(await page.getByLabel("Category").inputValue()).toBe("Healthcare");
    expect(await page.getByLabel("Year").inputValue()).toBe("2024");
    expect(await page.getByLabel("Author").inputValue()).toBe("");
    expect(await page.getByRole("radio", { name: "all of them" }).isChecked()).toBe(true);
    expect(await pageStatus(page).innerText()).toBe("1 post found.");
    await page.context().close();
  });

  it("combines tags by any of them, and a query with filters", async () => {
    const { page } = await open("/search/?tags=proteins,climate&match=any");
    await expect.poll(() => resultTitles(page), { timeout: 10_000 }).toHaveLength(2);
    expect((await resultTitles(page)).sort()).toEqual(["A talk at the science café", "Protein folding predicted"]);
    expect(await page.getByRole("radio", { name: "any of them" }).isChecked()).toBe(true);
    await page.goto(`${site.origin}/search/?q=patients&category=Healthcare`, { waitUntil: "networkidle" });
    await expect.poll(() => resultTitles(page), { timeout: 10_000 }).toEqual(["Consent for medical data"]);
    await page.context().close();
  });

  it("keeps each change in the URL, and back and forward return to it", async () => {
    const { page } = await open("/search/?tags=ai");
    await expect.poll(() => resultTitles(page), { timeout: 10_000 }).toHaveLength(3);
    await page.getByLabel("Author").selectOption("Elena Marsh");
    await page.waitForURL(`${site.origin}/search/?tags=ai&author=Elena+Marsh`);
    await expect.poll(() => resultTitles(page)).toHaveLength(2);
    await page.getByRole("checkbox", { name: /^ethics/ }).check();
    await page.waitForURL(`${site.origin}/search/?tags=ai,ethics&author=Elena+Marsh`);
    await expect.poll(() => resultTitles(page)).toEqual(["Tumour biology for engineers"]);
    await page.goBack();
    await page.waitForURL(`${site.origin}/search/?tags=ai&author=Elena+Marsh`);
    await expect.poll(() => resultTitles(page)).toHaveLength(2);
    expect(await checked(page)).toEqual(["ai (2)"]);
    await page.goBack();
    await expect.poll(() => resultTitles(page)).toHaveLength(3);
    expect(await page.getByLabel("Author").inputValue()).toBe("");
    await page.goForward();
    await expect.poll(() => page.getByLabel("Author").inputValue()).toBe("Elena Marsh");
    await page.reload({ waitUntil: "networkidle" });
    await expect.poll(() => resultTitles(page), { timeout: 10_000 }).toHaveLength(2);
    expect(await page.getByLabel("Author").inputValue()).toBe("Elena Marsh");
    await page.context().close();
  });

  it("lists a year's posts from the archive's year heading, and refines a tag page", async () => {
    const { page } = await open("/posts/");
    await page.getByRole("heading", { level: 2, name: /^2022/ }).getByRole("link", { name: "2022" }).click();
    await page.waitForURL(`${site.origin}/search/?year=2022`);
    await expect.poll(() => resultTitles(page), { timeout: 10_000 }).toEqual(["Baking bread", "Protein folding predicted"]);
    await page.goto(`${site.origin}/tags/ethics/`, { waitUntil: "networkidle" });
    await page.getByRole("link", { name: /^Refine/ }).click();
    await page.waitForURL(`${site.origin}/search/?tags=ethics`);
    await expect.poll(() => resultTitles(page), { timeout: 10_000 }).toHaveLength(2);
    await page.context().close();
  });

  it("says search needs JavaScript, and where else to look, when it is off", async () => {
    const { page } = await open("/search/?q=cancer", { javaScriptEnabled: false });
    const notice = page.locator(".search-no-script");
    expect(await notice.innerText()).toContain("needs JavaScript");
    expect(await notice.getByRole("link", { name: "tags" }).getAttribute("href")).toBe("/tags/");
    expect(await notice.getByRole("link", { name: "archive" }).getAttribute("href")).toBe("/posts/");
    await page.context().close();
  });
});

describe("search and the page's rules", () => {
  it("runs under the page's Content-Security-Policy, which allows workers of the site and no eval", async () => {
    const { page } = await open("/");
    const policy = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content"))!;
    expect(policy).toContain("worker-src 'self'");
    expect(policy).not.toMatch(/unsafe-eval/);
    await searchField(page).click();
    await typeInHeader(page, "harbour");
    expect(await options(page).first().locator(".search-hit-title").innerText()).toBe("A trip to the harbour");
    await page.context().close();
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`has no axe violation with results shown, ${colorScheme} scheme`, async () => {
      const violations = async (page: Page) => {
        await page.evaluate(AXE);
        const results = await page.evaluate(() => (window as unknown as { axe: { run: () => Promise<AxeResults> } }).axe.run());
        return results.violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(" ")).join(", ")}`);
      };
      const { page } = await open("/", { colorScheme });
      await searchField(page).click();
      await typeInHeader(page, "ai");
      await page.keyboard.press("ArrowDown");
      expect(await violations(page)).toEqual([]);
      await page.goto(`${site.origin}/search/?q=cancer&tags=ai`, { waitUntil: "networkidle" });
      await expect.poll(() => resultTitles(page), { timeout: 10_000 }).toHaveLength(1);
      expect(await violations(page)).toEqual([]);
      await page.context().close();
    });
  }
});

// Last: it changes the project. A rebuild after an edit indexes again only the edited post's shard
// (build/search-index.server.ts), and a deleted post's shard goes with it when it is left empty.
describe("search after a rebuild", () => {
  it("finds an edited post by its new words, not its old ones, a deleted post no more, and counts each post once", async () => {
    appendFileSync(path.join(projectDir, "posts/consent.md"), "\nNow also about quasicrystals.\n");
    rmSync(path.join(projectDir, "posts/bread.md"));
    const build = runBuild(projectDir, SHARDS);
    expect(build.status, build.stdout.slice(-2000) + build.stderr.slice(-2000)).toBe(0);
    expect(build.stdout).toMatch(/search index of 7 posts \(1 changed\): 1 of 3 shards indexed/);
    const server = (await serveStatic({ dir: path.join(projectDir, "build/client"), port: 0 })) as Server;
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const titles = async (query: string) => {
        const { page } = await open(`/search/${query}`, {}, origin);
        await expect.poll(() => pageStatus(page).innerText(), { timeout: 10_000 }).toMatch(/found/);
        const found = { titles: await resultTitles(page), status: await pageStatus(page).innerText(), page };
        return found;
      };
      const edited = await titles("?q=quasicrystals");
      expect(edited.titles).toEqual(["Consent for medical data"]);
      await edited.page.context().close();
      // Its old words find it once, from the new index, not twice.
      const old = await titles("?q=patients");
      expect(old.titles).toEqual(["Consent for medical data"]);
      await old.page.context().close();
      const gone = await titles("?q=flour");
      expect(gone.status).toBe("No posts found.");
      await gone.page.context().close();
      const healthcare = await titles("?category=Healthcare");
      expect(healthcare.titles).toEqual(["Consent for medical data", "Tumour biology for engineers"]);
      expect(await healthcare.page.getByLabel("Category").locator("option", { hasText: "Healthcare" }).innerText()).toBe("Healthcare (2)");
      expect(await healthcare.page.getByLabel("Category").locator("option", { hasText: "Kitchen" }).count()).toBe(0);
      await healthcare.page.context().close();
      // Nothing changed: no shard is indexed again.
      const again = runBuild(projectDir, SHARDS);
      expect(again.status).toBe(0);
      expect(again.stdout).toMatch(/search index of 7 posts unchanged/);
    } finally {
      server.close();
    }
  }, 180_000);
});

interface AxeResults {
  violations: { id: string; nodes: { target: string[] }[] }[];
}
