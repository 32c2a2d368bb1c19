import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { servedSite } from "./served-site";

// The archive (`/posts/`, routes/archive.tsx) and the related posts at the end of an article
// (content/related-posts.server.ts), in the static build.

/** 55 weekly notes from 2 October 2023, tagged `ai`: 13 in 2023, 42 in 2024. */
const notes = Object.fromEntries(
  Array.from({ length: 55 }, (_, index) => {
    const date = new Date(Date.UTC(2023, 9, 2 + 7 * index)).toISOString().slice(0, 10);
    return [
      `post-${index + 1}.md`,
      `---\ntitle: "Post ${index + 1}"\ndate: ${date}\ntags: [ai]\ncategories: [Notes]\n---\n\nWeekly note.\n`,
    ];
  }),
);
const post = (title: string, date: string, frontMatter: string, body: string) =>
  `---\ntitle: ${title}\ndate: ${date}\n${frontMatter}---\n\n${body}\n`;
/** Six posts of 2022: three on proteins (a rare tag), two on sourdough (no tags, alike words), one on knitting. */
const posts2022 = {
  "folding.md": post(
    "Protein folding predicted by AlphaFold",
    "2022-06-01",
    "tags: [ai, proteins]\ncategories: [Science]\n",
    "Structures.",
  ),
  "database.md": post(
    "The AlphaFold protein structure database",
    "2022-03-10",
    "tags: [ai, proteins]\ncategories: [Science]\n",
    "Lookups.",
  ),
  "design.md": post("Designing enzymes from scratch", "2022-01-05", "tags: [proteins]\ncategories: [Engineering]\n", "Catalysts."),
  "starter.md": post("A sourdough starter", "2022-09-12", "weight: 1\n", "Feeding the starter with rye flour."),
  "bread.md": post("Baking sourdough bread", "2022-11-20", "", "Rye flour and patience."),
  "scarf.md": post("Knitting a scarf", "2022-12-24", "hiddenFromHomePage: true\n", "Wool and needles."),
};

const site = servedSite({ ...notes, ...posts2022 });
const errors: string[] = [];
afterEach(() => expect(errors.splice(0)).toEqual([]));

async function open(path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await site.browser.newContext(options);
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${site.origin}${path}`, { waitUntil: "networkidle" });
  return page;
}

/** The archive's headings and entries in the order a reader meets them: `## 2024 (42 posts)`, `### October`, `14 Oct Post 55`. */
const outline = (page: Page) =>
  page
    .locator(".archive :is(h2, h3, li)")
    .evaluateAll((elements) =>
      elements.map(
        (element) => `${element.tagName === "LI" ? "" : element.tagName === "H2" ? "## " : "### "}${element.textContent!.trim()}`,
      ),
    );

describe("the archive", () => {
  it("opens from the header and shows every post by year and month, newest first, fifty a page", async () => {
    const page = await open("/");
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
    await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Archive" }).click();
    await page.waitForURL(`${site.origin}/posts/`);
    await page.getByRole("heading", { level: 1, name: "Archive (61 posts)" }).waitFor();
    expect(await page.title()).toBe("Archive – Folio");
    const shown = await outline(page);
    expect(shown.slice(0, 5)).toEqual(["## 2024 (42 posts)", "### October", "14 OctPost 55", "7 OctPost 54", "### September"]);
    expect(shown.filter((line) => line.startsWith("## "))).toEqual(["## 2024 (42 posts)", "## 2023 (13 posts)"]);
    expect(shown.filter((line) => !line.startsWith("#"))).toHaveLength(50);
    expect(shown.at(-1)).toBe("6 NovPost 6");
    expect(await page.evaluate(() => "stillTheSamePage" in window)).toBe(true);

    // Each entry opens its post.
    await page.getByRole("link", { name: "Post 54", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Post 54" }).waitFor();
    expect(page.url()).toBe(`${site.origin}/posts/post-54/`);
    await page.close();
  });

  it("pages at /posts/page/2/, with the posts hidden from the home page, and sends /posts/page/1/ to /posts/", async () => {
    const page = await open("/posts/");
    await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Older posts →" }).click();
    await page.waitForURL(`${site.origin}/posts/page/2/`);
    await page.getByRole("heading", { level: 1, name: "Archive, page 2 (61 posts)" }).waitFor();
    const expected = [
      "## 2023 (13 posts)",
      "### October",
      "30 OctPost 5",
      "23 OctPost 4",
      "16 OctPost 3",
      "9 OctPost 2",
      "2 OctPost 1",
      "## 2022 (6 posts)",
      "### December",
      "24 DecKnitting a scarf",
      "### November",
      "20 NovBaking sourdough bread",
      "### September",
      "12 SeptA sourdough starter",
      "### June",
      "1 JunProtein folding predicted by AlphaFold",
      "### March",
      "10 MarThe AlphaFold protein structure database",
      "### January",
      "5 JanDesigning enzymes from scratch",
    ];
    expect(await outline(page)).toEqual(expected);
    expect((await page.goto(`${site.origin}/posts/page/2/`))?.status()).toBe(200);
    expect(await outline(page)).toEqual(expected);
    expect((await page.goto(`${site.origin}/posts/page/3/`))?.status()).toBe(404);
    await page.goto(`${site.origin}/posts/page/1/`);
    await page.waitForURL(`${site.origin}/posts/`);
    await page.getByRole("heading", { level: 1, name: "Archive (61 posts)" }).waitFor();
    await page.close();
  });

  it("is all there with JavaScript off", async () => {
    const page = await open("/posts/page/2/", { javaScriptEnabled: false });
    expect((await outline(page)).filter((line) => !line.startsWith("#"))).toHaveLength(11);
    expect(await page.getByRole("link", { name: "Knitting a scarf" }).getAttribute("href")).toBe("/posts/scarf/");
    await page.close();
  });
});

describe("related posts", () => {
  const related = (page: Page) => page.getByRole("region", { name: "Related posts" }).getByRole("link").allInnerTexts();

  it("end an article with five posts, those sharing its rarest tags first, and open them in the app", async () => {
    const page = await open("/posts/folding/");
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
    const titles = await related(page);
    // `proteins` is on three posts, `ai` on 57: the post sharing both, then the one sharing proteins, then notes on ai.
    expect(titles.slice(0, 2)).toEqual(["The AlphaFold protein structure database", "Designing enzymes from scratch"]);
    expect(titles).toHaveLength(5);
    expect(titles.slice(2).every((title) => /^Post \d+$/.test(title))).toBe(true);

    await page.getByRole("region", { name: "Related posts" }).getByRole("link", { name: "Designing enzymes from scratch" }).click();
    await page.getByRole("heading", { level: 1, name: "Designing enzymes from scratch" }).waitFor();
    // Both share only `proteins` and no word with it: the nearer in date first.
    expect(await related(page)).toEqual(["The AlphaFold protein structure database", "Protein folding predicted by AlphaFold"]);
    expect(await page.evaluate(() => "stillTheSamePage" in window)).toBe(true);
    await page.close();
  });

  it("relate untagged posts by their words, and leave the section out when nothing is related", async () => {
    const starter = await open("/posts/starter/");
    expect(await related(starter)).toEqual(["Baking sourdough bread"]);
    await starter.close();
    const scarf = await open("/posts/scarf/");
    await scarf.getByRole("heading", { level: 1, name: "Knitting a scarf" }).waitFor();
    expect(await scarf.getByRole("heading", { name: "Related posts" }).count()).toBe(0);
    await scarf.close();
  });
});
