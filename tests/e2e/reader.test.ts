import { describe, expect, it } from "vitest";
import { useBrowser } from "./browser";

const SAMPLE = "/posts/ai-personalized-cancer-treatment/";
/** A post with `lightgallery: true` and three images. */
const GALLERY_POST = "/posts/ai-drug-discovery-pipeline/";
const browser = useBrowser();

describe("reading the blog from the static build", () => {
  it("shows the sample post: title, byline, featured image, table of contents and body", async () => {
    const page = await browser.newPage();
    await page.goto(browser.url(SAMPLE));
    await page.getByRole("heading", { level: 1, name: "Challenges and opportunities for AI in personalized cancer treatment." }).waitFor();
    expect(await page.title()).toBe("Challenges and opportunities for AI in personalized cancer treatment. – Folio");
    expect(await page.locator('meta[name="description"]').getAttribute("content")).toContain("AI in cancer treatment, because apparently");
    expect(await page.locator(".post-meta").first().innerText()).toMatch(/20 March 2023 · by gpt-3\.5-turbo · 3 min read/);
    expect(await page.getByRole("link", { name: "Healthcare" }).getAttribute("href")).toBe("/categories/healthcare/");
    const featured = page.locator(".featured-image");
    // Shown: the original (1,200 px wide) or one of its WebP copies, as srcset chooses for the screen.
    await expect.poll(() => featured.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    const toc = page.getByRole("navigation", { name: "Contents" });
    expect(await toc.getByRole("link", { name: "Challenges and Opportunities for AI in Personalized Cancer Treatment" }).count()).toBe(1);
    expect(await page.getByRole("heading", { level: 2, name: "Conclusion" }).isVisible()).toBe(true);
    expect(browser.errors).toEqual([]);
  });

  it("has the article text in the HTML, before any script runs", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(browser.url(SAMPLE));
    expect(await page.getByRole("heading", { name: "Drug discovery" }).isVisible()).toBe(true);
    expect(await page.getByRole("navigation", { name: "Contents" }).isVisible()).toBe(true);
  });

  it("lists posts newest first, at most ten a page, each with its summary", async () => {
    const page = await browser.newPage();
    await page.goto(browser.url("/"));
    const cards = page.getByRole("article");
    const count = await cards.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(10);
    const dates = await page
      .locator(".post-card time:first-of-type")
      .evaluateAll((times) => times.map((time) => time.getAttribute("datetime")!));
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(await page.locator(".post-card .summary").count()).toBe(count);
    expect(await page.locator(".post-card .summary style, .post-card .summary h1, .post-card .summary h2").count()).toBe(0);
  });

  it("pages the home list ten at a time, with the rest on /page/2/", async () => {
    const page = await browser.newPage();
    await page.goto(browser.url("/"), { waitUntil: "networkidle" });
    expect(await page.getByRole("article").count()).toBe(10);
    await page.getByRole("link", { name: "Older posts →" }).click();
    await page.getByRole("heading", { level: 1, name: "Posts, page 2" }).waitFor();
    expect(page.url()).toBe(browser.url("/page/2/"));
    expect(await page.getByRole("article").count()).toBeGreaterThan(0);
    expect(await page.getByRole("navigation", { name: "Pages" }).getByText("2", { exact: true }).getAttribute("aria-current")).toBe("page");
  });

  it("leaves drafts out of the build and hidden posts off the home list", async () => {
    const page = await browser.newPage();
    expect((await page.goto(browser.url("/posts/ai-mental-health-chatbots/")))?.status()).toBe(404);
    const home = [];
    for (const path of ["/", "/page/2/"]) {
      await page.goto(browser.url(path));
      home.push(...(await page.locator(".post-card h2").allInnerTexts()));
    }
    expect(home).not.toContain("Mapping the Body One Cell at a Time");
    await page.goto(browser.url("/tags/genomics/"));
    expect(await page.locator(".post-card h2").allInnerTexts()).toContain("Mapping the Body One Cell at a Time");
  });

  it("filters by tag from a post, client-side, and lists only that tag's posts", async () => {
    const page = await browser.newPage();
    await page.goto(browser.url(SAMPLE), { waitUntil: "networkidle" });
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
    await page.locator(".post > header").getByRole("link", { name: "#ai", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: /^Tag: ai/ }).waitFor();
    expect(page.url()).toBe(browser.url("/tags/ai/"));
    expect(await page.evaluate(() => "stillTheSamePage" in window)).toBe(true);
    const cards = page.getByRole("article");
    expect(await cards.count()).toBeGreaterThan(0);
    for (const card of await cards.all()) {
      expect(await card.getByRole("link", { name: "#ai", exact: true }).count()).toBe(1);
    }
    expect(await page.title()).toBe("Tag: ai – Folio");
  });

  it("gives tags with +, accents and other scripts working, readable URLs", async () => {
    const page = await browser.newPage();
    for (const [name, path] of [
      ["c++", "/tags/c++/"],
      ["café", "/tags/café/"],
      ["数据", "/tags/数据/"],
      ["natural language processing", "/tags/natural-language-processing/"],
    ]) {
      const response = await page.goto(browser.url(path));
      expect(response?.status()).toBe(200);
      await page.getByRole("heading", { level: 1, name: new RegExp(`^Tag: ${name.replace("+", "\\+")}`) }).waitFor();
    }
    // Client-side, from the tag list.
    await page.goto(browser.url("/tags/"), { waitUntil: "networkidle" });
    await page.getByRole("link", { name: /^数据 \(/ }).click();
    await page.getByRole("heading", { level: 1, name: /^Tag: 数据/ }).waitFor();
    expect(decodeURI(new URL(page.url()).pathname)).toBe("/tags/数据/");
    expect(await page.getByRole("article").count()).toBeGreaterThan(0);
  });

  it("lists every tag and category with the number of posts its page lists", async () => {
    const sitemap = await (await fetch(browser.url("/sitemap.xml"))).text();
    const page = await browser.newPage({ javaScriptEnabled: false });
    const path = (href: string) => decodeURI(new URL(href, browser.url("/")).pathname);
    for (const taxonomy of ["tags", "categories"]) {
      // Every term the site has: each has a page in the sitemap.
      const inSitemap = Array.from(sitemap.matchAll(/<loc>([^<]+)<\/loc>/g), ([, loc]) => path(loc))
        .filter((loc) => new RegExp(`^/${taxonomy}/[^/]+/$`).test(loc))
        .sort();
      expect(inSitemap.length).toBeGreaterThan(taxonomy === "tags" ? 10 : 3);
      await page.goto(browser.url(`/${taxonomy}/`));
      const terms = await page
        .locator(".term-cloud a")
        .evaluateAll((links) => links.map((link) => ({ text: (link as HTMLElement).innerText, href: link.getAttribute("href")! })));
      expect(terms.map((term) => path(term.href)).sort()).toEqual(inSitemap);
      for (const { text, href } of terms) {
        const shown = Number(/ \((\d+) posts?\)$/.exec(text)?.[1]);
        // The term's own pages, followed to the last.
        let listed = 0;
        let next: string | null = href;
        while (next) {
          await page.goto(browser.url(path(next)));
          listed += await page.getByRole("article").count();
          next = await page
            .getByRole("navigation", { name: "Pages" })
            .getByRole("link", { name: "Older posts →" })
            .getAttribute("href", { timeout: 100 })
            .catch(() => null);
        }
        expect(`${text}: ${listed} listed`).toBe(`${text}: ${shown} listed`);
      }
    }
  });

  it("opens and reloads deep links to the same content", async () => {
    const page = await browser.newPage();
    for (const path of ["/tags/ai/", "/categories/healthcare/", SAMPLE]) {
      const response = await page.goto(browser.url(path));
      expect(response?.status()).toBe(200);
      const heading = await page.getByRole("heading", { level: 1 }).first().innerText();
      await page.reload();
      expect(await page.getByRole("heading", { level: 1 }).first().innerText()).toBe(heading);
    }
    expect(browser.errors).toEqual([]);
  });

  it("fetches the previous post's data, and only that, while the pointer rests on its link", async () => {
    const page = await browser.newPage();
    await page.goto(browser.url(SAMPLE), { waitUntil: "networkidle" });
    const fetched: string[] = [];
    page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
    const link = page.getByRole("link", { name: /Previous post/ });
    const target = new URL((await link.getAttribute("href"))!, browser.url("/")).pathname;
    await link.hover();
    await expect.poll(() => fetched.filter((path) => path.endsWith(".data"))).toEqual([`${target}_.data`]);
    await link.click();
    await page.waitForURL(`**${target}`);
    expect(browser.errors).toEqual([]);
  });

  it("paints before it preloads its scripts, then preloads them all at once and runs", async () => {
    const html = await (await fetch(browser.url(SAMPLE))).text();
    expect(html).not.toContain('<link rel="modulepreload"');
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on("console", (message) => message.text().includes("Content Security Policy") && violations.push(message.text()));
    // The start of the first frame that shows the post's title (requestAnimationFrame runs just before a
    // frame is painted). The paint timing entries cannot say: they carry when the frame reached the
    // screen, which comes after the page's own next task.
    await page.addInitScript(() => {
      const watch = () => {
        if ((document.querySelector("h1")?.getBoundingClientRect().height ?? 0) > 0)
          Object.assign(window, { titleFrameAt: performance.now() });
        else requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    });
    await page.goto(browser.url(SAMPLE), { waitUntil: "networkidle" });
    const preloaded = await page
      .locator('link[rel="modulepreload"]')
      .evaluateAll((links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname));
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.endsWith(".js")),
    );
    expect(preloaded.length).toBeGreaterThan(2);
    expect(scripts).toEqual(expect.arrayContaining(preloaded));
    // No script was requested before the frame that paints the post.
    const { painted, requested } = await page.evaluate(() => ({
      painted: (window as unknown as { titleFrameAt: number }).titleFrameAt,
      requested: performance
        .getEntriesByType("resource")
        .filter((entry) => new URL(entry.name).pathname.endsWith(".js"))
        .map((entry) => ({ script: new URL(entry.name).pathname, at: entry.startTime })),
    }));
    expect(painted).toBeGreaterThan(0);
    expect(requested.filter(({ at }) => at < painted)).toEqual([]);
    // Hydrated: a link navigates in the page, without loading a document.
    await page.evaluate(() => Object.assign(window, { folioNoReload: true }));
    await page.getByRole("link", { name: "Healthcare" }).click();
    await page.getByRole("heading", { level: 1, name: /Healthcare/ }).waitFor();
    expect(await page.evaluate(() => "folioNoReload" in window)).toBe(true);
    expect(violations).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it("answers an unknown URL with a real not-found page and a way home", async () => {
    const page = await browser.newPage();
    for (const path of ["/posts/nope/", "/no/such/page"]) {
      const response = await page.goto(browser.url(path));
      expect(response?.status()).toBe(404);
      await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
      expect(await page.title()).toBe("Page not found – Folio");
    }
    await page.getByRole("link", { name: "Go to the home page" }).click();
    await page.getByRole("heading", { level: 1, name: "Latest posts" }).waitFor();
    expect(browser.errors).toEqual([]);
  });

  it("highlights the section being read in the table of contents", async () => {
    const page = await browser.newPage();
    await page.goto(browser.url(SAMPLE), { waitUntil: "networkidle" });
    const toc = page.getByRole("navigation", { name: "Contents" });
    const current = () => toc.locator('a[aria-current="true"]').innerText();
    await expect.poll(current).toBe("Challenges and Opportunities for AI in Personalized Cancer Treatment");
    await page.getByRole("heading", { name: "Conclusion" }).evaluate((heading) => heading.scrollIntoView());
    await expect.poll(current).toBe("Conclusion");
    await toc.getByRole("link", { name: "Drug discovery" }).click();
    await expect.poll(current).toBe("Drug discovery");
    expect(new URL(page.url()).hash).toBe("#drug-discovery");
  });

  it("applies a post's <style> to that article only", async () => {
    const page = await browser.newPage();
    await page.goto(browser.url(SAMPLE), { waitUntil: "networkidle" });
    const radius = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => getComputedStyle(element).borderTopLeftRadius);
    // The sample's `img { border-radius: 10px }` styles its own images, featured image included…
    expect(await radius(".post-content img")).toBe("10px");
    // …and nothing outside the article: the site's own icon-free header and the TOC keep their look.
    await page.evaluate(() => {
      const probe = document.createElement("img");
      probe.id = "outside-probe";
      document.querySelector(".site-header")!.append(probe);
    });
    expect(await radius("#outside-probe")).toBe("0px");

    // After client-side navigation away, the post's style is gone with it.
    await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Posts" }).click();
    await page.getByRole("heading", { level: 1, name: "Latest posts" }).waitFor();
    const styles = await page.locator("style").evaluateAll((elements) => elements.map((element) => element.textContent).join("\n"));
    expect(styles).not.toContain("border-radius:10px");
  });

  it("keeps another post's heading colours inside that post", async () => {
    const page = await browser.newPage();
    await page.goto(browser.url("/posts/consent-data-medical-ai/"), { waitUntil: "networkidle" });
    const color = (locator: ReturnType<typeof page.locator>) => locator.evaluate((element) => getComputedStyle(element).color);
    // The post says `h2 { color: #2a7ab0 }` and `.callout { border-left: … }`.
    expect(await color(page.getByRole("heading", { level: 2, name: "The consent we actually have" }))).toBe("rgb(42, 122, 176)");
    await page.evaluate(() => {
      const heading = Object.assign(document.createElement("h2"), { id: "outside-heading", textContent: "Outside" });
      const callout = Object.assign(document.createElement("div"), { id: "outside-callout", className: "callout" });
      document.querySelector(".site-footer")!.append(heading, callout);
    });
    expect(await color(page.locator("#outside-heading"))).not.toBe("rgb(42, 122, 176)");
    expect(await page.locator("#outside-callout").evaluate((element) => getComputedStyle(element).borderLeftWidth)).toBe("0px");
    expect(await color(page.locator(".site-title"))).toBe(await page.evaluate(() => getComputedStyle(document.body).color));
  });
});

describe("a post's own settings and the reader's browser", () => {
  it("opens an article's images full size in a gallery, moving with the arrow keys (lightgallery: true)", async () => {
    const page = await browser.newPage();
    await page.goto(browser.url(GALLERY_POST), { waitUntil: "networkidle" });
    const second = page.getByRole("link", { name: /^A ball-and-stick sketch/ });
    await second.click();
    const viewer = page.getByRole("dialog", { name: "Image viewer" });
    await viewer.waitFor();
    const shown = async () => {
      const image = viewer.getByRole("img");
      const [alt, src, width] = await image.evaluate((element: HTMLImageElement) => [
        element.alt,
        new URL(element.src).pathname,
        element.naturalWidth,
      ]);
      return {
        alt: String(alt).split(" ").slice(0, 3).join(" "),
        src,
        loaded: Number(width) > 0,
        count: await viewer.locator(".gallery-count").innerText(),
      };
    };
    // Full size: the image's own file, the link's target.
    await expect
      .poll(shown)
      .toEqual({ alt: "A ball-and-stick sketch", src: `${GALLERY_POST}molecule.svg`, loaded: true, count: "(2 of 3)" });
    expect(page.url()).toBe(browser.url(GALLERY_POST));
    await page.keyboard.press("ArrowRight");
    await expect.poll(shown).toMatchObject({ alt: "A funnel showing", count: "(3 of 3)" });
    await page.keyboard.press("ArrowRight");
    await expect.poll(shown).toMatchObject({ alt: "A pipeline diagram", count: "(1 of 3)" });
    await page.keyboard.press("ArrowLeft");
    await expect.poll(shown).toMatchObject({ alt: "A funnel showing", count: "(3 of 3)" });
    expect(browser.errors).toEqual([]);
  });

  it("closes the gallery on Escape and gives focus back to the image's link", async () => {
    const page = await browser.newPage();
    await page.goto(browser.url(GALLERY_POST), { waitUntil: "networkidle" });
    const link = page.getByRole("link", { name: /^A funnel showing/ });
    await link.focus();
    await page.keyboard.press("Enter");
    const viewer = page.getByRole("dialog", { name: "Image viewer" });
    await viewer.waitFor();
    expect(await viewer.locator(".gallery-count").innerText()).toBe("(3 of 3)");
    expect(await viewer.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
    await page.keyboard.press("Escape");
    await viewer.waitFor({ state: "hidden" });
    expect(await link.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(page.url()).toBe(browser.url(GALLERY_POST));
  });

  it("links the Markdown source only when the post does not say linkToMarkdown: false", async () => {
    const page = await browser.newPage();
    await page.goto(browser.url("/posts/single-cell-atlas/"), { waitUntil: "networkidle" });
    await page.getByRole("heading", { level: 1, name: "Mapping the Body One Cell at a Time" }).waitFor();
    await page.getByRole("button", { name: "Copy link" }).waitFor();
    expect(await page.getByRole("link", { name: "Read the Markdown source" }).count()).toBe(0);
    await page.goto(browser.url(SAMPLE), { waitUntil: "networkidle" });
    expect(await page.getByRole("link", { name: "Read the Markdown source" }).count()).toBe(1);
  });

  it("gives a post's description, as written, as its page's description", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(browser.url("/posts/llm-clinical-documentation/"));
    const description = "What large language models can and cannot do with the messy free text of electronic health records.";
    for (const selector of ['meta[name="description"]', 'meta[property="og:description"]', 'meta[name="twitter:description"]']) {
      expect(await page.locator(selector).getAttribute("content"), selector).toBe(description);
    }
  });

  it("offers Share… only where the browser has the Web Share API, and shares the post's title and link", async () => {
    const without = await browser.newPage();
    await without.addInitScript(() => delete (Navigator.prototype as Partial<Navigator>).share);
    await without.goto(browser.url(SAMPLE), { waitUntil: "networkidle" });
    await without.getByRole("button", { name: "Copy link" }).waitFor();
    expect(await without.getByRole("button", { name: "Share…" }).count()).toBe(0);

    const withShare = await browser.newPage();
    await withShare.addInitScript(() => {
      const shared: ShareData[] = [];
      Object.assign(window, { shared });
      Object.defineProperty(Navigator.prototype, "share", { configurable: true, value: async (data: ShareData) => void shared.push(data) });
    });
    await withShare.goto(browser.url(SAMPLE), { waitUntil: "networkidle" });
    await withShare.getByRole("button", { name: "Share…" }).click();
    expect(await withShare.evaluate(() => (window as unknown as { shared: ShareData[] }).shared)).toEqual([
      {
        title: "Challenges and opportunities for AI in personalized cancer treatment.",
        url: "https://folio.example.org/posts/ai-personalized-cancer-treatment/",
      },
    ]);
    expect(browser.errors).toEqual([]);
  });

  it("shows an error in place of an article React cannot put into the page, and the rest of the page works", async () => {
    const page = await browser.newPage();
    // The post before single-cell-atlas.
    const broken = "/posts/llm-clinical-documentation/";
    // The post's data as the app fetches it, with a tag name no element can have: React fails while
    // creating the article's DOM in the browser, as it would for content the server could render.
    let corrupted = false;
    await page.route(`**${broken}_.data`, async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      corrupted = body.includes('"h2"');
      await route.fulfill({ response, body: body.replaceAll('"h2"', '"h 2"') });
    });
    await page.goto(browser.url("/posts/single-cell-atlas/"), { waitUntil: "networkidle" });
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
    await page.getByRole("link", { name: /Previous post/ }).click();
    await page.waitForURL(browser.url(broken));
    const alert = page.getByRole("alert").filter({ hasText: "This post could not be displayed" });
    await alert.waitFor({ timeout: 10_000 });
    expect(corrupted).toBe(true);
    expect(await alert.innerText()).toMatch(/not a valid name/);
    expect(await page.getByRole("heading", { level: 1, name: "Large Language Models Meet Clinical Notes" }).isVisible()).toBe(true);
    expect(await page.getByRole("navigation", { name: "Contents" }).isVisible()).toBe(true);
    // The post's links still work, in the app.
    await page.getByRole("link", { name: /Next post/ }).click();
    await page.getByRole("heading", { level: 1, name: "Mapping the Body One Cell at a Time" }).waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);
    expect(await page.evaluate(() => "stillTheSamePage" in window)).toBe(true);
    expect(browser.errors).toEqual([]);
  });
});
