import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { useBrowser } from "./browser";

const SAMPLE = "/posts/ai-personalized-cancer-treatment/";
const SITE = "https://folio.example.org/";
const browser = useBrowser();

/** Fetches a file from the served build. */
async function fetchText(path: string): Promise<string> {
  const response = await fetch(browser.url(path));
  expect(response.status, path).toBe(200);
  return response.text();
}

/** Parses XML with a real parser, failing on anything not well-formed. */
function parseXml(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(xml);
}

/** The feeds a page announces: the href of each `<link rel="alternate">` in its head. */
function feedLinks(html: string): string[] {
  const head = html.slice(0, html.indexOf("</head>"));
  return Array.from(head.matchAll(/<link\b[^>]*>/g), ([tag]) => tag)
    .filter((tag) => /\brel="alternate"/.test(tag))
    .map((tag) => /\bhref="([^"]*)"/.exec(tag)?.[1] ?? "");
}

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

describe("link previews read the static HTML, with no script", () => {
  it("gives the sample post its title, description, canonical URL, Open Graph image and JSON-LD", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(browser.url(SAMPLE));
    const meta = (selector: string) => page.locator(selector).getAttribute("content");
    expect(await page.title()).toBe("Challenges and opportunities for AI in personalized cancer treatment. – Folio");
    expect(await meta('meta[name="description"]')).toMatch(/^“AI in cancer treatment, because apparently/);
    expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toBe(`${SITE}posts/ai-personalized-cancer-treatment/`);
    expect(await meta('meta[property="og:type"]')).toBe("article");
    expect(await meta('meta[property="og:title"]')).toBe("Challenges and opportunities for AI in personalized cancer treatment.");
    expect(await meta('meta[property="article:published_time"]')).toBe("2023-03-20");
    expect(
      await page.locator('meta[property="article:tag"]').evaluateAll((tags) => tags.map((tag) => tag.getAttribute("content"))),
    ).toEqual(["ai", "personalized cancer treatment", "challenges", "opportunities"]);
    expect(await meta('meta[name="twitter:card"]')).toBe("summary_large_image");

    const image = (await meta('meta[property="og:image"]'))!;
    expect(image).toBe(`${SITE}posts/ai-personalized-cancer-treatment/featured-image.png`);
    const served = await fetch(browser.url(`/${image.slice(SITE.length)}`));
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");

    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd).toMatchObject({
      "@context": "https://schema.org",
      "@type": "BlogPosting",
      headline: "Challenges and opportunities for AI in personalized cancer treatment.",
      datePublished: "2023-03-20",
      author: { "@type": "Person", name: "gpt-3.5-turbo" },
      image,
      keywords: ["ai", "personalized cancer treatment", "challenges", "opportunities"],
    });
  });

  it("describes lists as a Blog or a CollectionPage, with the tag's feeds linked", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(browser.url("/"));
    expect(await page.locator('meta[property="og:type"]').getAttribute("content")).toBe("website");
    expect(JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!)["@type"]).toBe("Blog");
    expect(await page.locator('meta[property="og:image"]').getAttribute("content")).toBe(`${SITE}og-image.png`);

    await page.goto(browser.url("/tags/ai/"));
    expect(JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!)["@type"]).toBe("CollectionPage");
    const feeds = await page.locator('link[rel="alternate"]').evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(feeds.sort()).toEqual([
      "/atom.xml",
      "/feed.json",
      "/index.xml",
      "/tags/ai/atom.xml",
      "/tags/ai/feed.json",
      "/tags/ai/index.xml",
    ]);
  });

  it("links the site's feeds from every page", async () => {
    // Every HTML page the build wrote, as a feed reader finds it; not the redirects (aliases, `page/1/`),
    // which send readers on at once, nor React Router's unused __spa-fallback.html.
    const files = readdirSync("build/client", { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".html"));
    const pages = files.filter(
      (file) => file !== "__spa-fallback.html" && !readFileSync(path.join("build/client", file), "utf8").includes('http-equiv="refresh"'),
    );
    expect(pages).toEqual(
      expect.arrayContaining([
        "index.html",
        "404.html",
        path.join("posts", "single-cell-atlas", "index.html"),
        path.join("tags", "index.html"),
      ]),
    );
    const missing: string[] = [];
    for (const file of pages) {
      const url = `/${file.replace(/(^|\/)index\.html$/, "$1").replaceAll(path.sep, "/")}`;
      const feeds = feedLinks(await fetchText(url));
      for (const feed of ["/index.xml", "/atom.xml", "/feed.json"]) if (!feeds.includes(feed)) missing.push(`${url}: ${feed}`);
    }
    expect(missing).toEqual([]);
  });
});

describe("feeds", () => {
  it("lists the home page's posts in RSS, Atom and JSON Feed, newest first", async () => {
    const rss = parseXml(await fetchText("/index.xml")).rss.channel;
    const atom = parseXml(await fetchText("/atom.xml")).feed;
    const json = JSON.parse(await fetchText("/feed.json"));
    const page = await browser.newPage({ javaScriptEnabled: false });
    const home: string[] = [];
    for (const path of ["/", "/page/2/"]) {
      await page.goto(browser.url(path));
      home.push(...(await page.locator(".post-card h2").allInnerTexts()));
    }
    expect(asArray(rss.item).map((item: { title: string }) => item.title)).toEqual(home);
    expect(asArray(atom.entry)).toHaveLength(home.length);
    expect(json.items).toHaveLength(home.length);
    expect(json.items[0].url).toMatch(/^https:\/\/folio\.example\.org\/posts\//);
  });

  it("carries full HTML with absolute URLs for rssFullText posts, and only the summary for the others", async () => {
    const items = asArray(parseXml(await fetchText("/index.xml")).rss.channel.item) as Record<string, string>[];
    const full = items.find((item) => item.title === "Explaining AI Weather Models at a Science Café")!;
    const html = full["content:encoded"];
    expect(html).toContain("<table>");
    expect(html).not.toMatch(/<style|<script/i);
    const urls = [...html.matchAll(/(?:href|src)="([^"]*)"/g)].map((match) => match[1]);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(/^(https?:|mailto:)/);
    expect(urls).toContain(`${SITE}posts/alphafold-protein-folding/`);

    const sample = items.find((item) => item.title.startsWith("Challenges and opportunities"))!;
    expect(sample["content:encoded"]).toBeUndefined();
    expect(sample.description).toMatch(/^“AI in cancer treatment/);
    expect(sample.description).not.toContain("box-shadow");
  });

  it("has a feed per tag, with only that tag's posts", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(browser.url("/tags/genomics/"));
    const listed = await page.locator(".post-card h2").allInnerTexts();
    const items = asArray(parseXml(await fetchText("/tags/genomics/index.xml")).rss.channel.item) as { title: string }[];
    expect(items.map((item) => item.title)).toEqual(listed);
    expect(parseXml(await fetchText("/tags/c++/atom.xml")).feed.title).toBe("Folio: Tag: c++");
  });
});

describe("sitemap, robots.txt and aliases", () => {
  it("lists every public URL with its last change, and no hidden post, draft or 404", async () => {
    const urls = asArray(parseXml(await fetchText("/sitemap.xml")).urlset.url) as { loc: string; lastmod?: string }[];
    const locs = urls.map((url) => url.loc);
    expect(locs).toContain(SITE);
    expect(locs).toContain(`${SITE}page/2/`);
    expect(locs).toContain(`${SITE}tags/%E6%95%B0%E6%8D%AE/`);
    expect(urls.find((url) => url.loc === `${SITE}posts/ai-personalized-cancer-treatment/`)?.lastmod).toBe("2023-03-20");
    expect(urls.find((url) => url.loc === `${SITE}posts/alphafold-protein-folding/`)?.lastmod).toBe("2022-08-01");
    expect(locs.filter((loc) => /single-cell-atlas|ai-mental-health-chatbots|404|page\/1\//.test(loc))).toEqual([]);
    expect(await fetchText("/robots.txt")).toContain(`Sitemap: ${SITE}sitemap.xml`);
  });

  it("redirects a post's old address (aliases) to the post", async () => {
    const html = await fetchText("/2022/02/alphafold/");
    expect(html).toContain(`<link rel="canonical" href="${SITE}posts/alphafold-protein-folding/">`);
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/posts/alphafold-protein-folding/">');
    const page = await browser.newPage();
    await page.goto(browser.url("/2022/02/alphafold/"));
    await page.getByRole("heading", { level: 1, name: "How AlphaFold Changed Protein Structure Prediction" }).waitFor();
    expect(page.url()).toBe(browser.url("/posts/alphafold-protein-folding/"));
  });

  it("publishes the Markdown source beside the post and links to it", async () => {
    expect(await fetchText("/posts/ai-personalized-cancer-treatment/index.md")).toContain('title: "Challenges and opportunities');
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(browser.url(SAMPLE));
    expect(await page.getByRole("link", { name: "Read the Markdown source" }).getAttribute("href")).toBe(
      "/posts/ai-personalized-cancer-treatment/index.md",
    );
  });
});

describe("sharing a post", () => {
  it("copies the post's canonical link", async () => {
    const page = await browser.newPage();
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: browser.url("") });
    await page.goto(browser.url(SAMPLE), { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "Copy link" }).click();
    await page.getByRole("status").filter({ hasText: "Link copied" }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${SITE}posts/ai-personalized-cancer-treatment/`);
  });
});

describe("Content-Security-Policy", () => {
  it("is in every page the build wrote, once, redirect pages included", () => {
    const pages = readdirSync("build/client", { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".html"));
    // React Router writes a list's page/1/ from its own redirect template; the build writes the aliases.
    expect(pages).toEqual(
      expect.arrayContaining([path.join("page", "1", "index.html"), path.join("2022", "02", "alphafold", "index.html"), "404.html"]),
    );
    const policies = (file: string) =>
      readFileSync(path.join("build/client", file), "utf8").split('<meta http-equiv="Content-Security-Policy"').length - 1;
    expect(pages.filter((file) => policies(file) !== 1)).toEqual([]);
  });

  it("forbids inline script and eval on every page type, and the site works under it", async () => {
    const page = await browser.newPage();
    const reports: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) reports.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) =>
        console.error(`Content Security Policy violation: ${event.violatedDirective}`),
      );
    });
    for (const path of ["/", "/page/2/", SAMPLE, "/tags/", "/tags/ai/", "/categories/healthcare/", "/posts/nope/", "/2022/02/alphafold/"]) {
      await page.goto(browser.url(path), { waitUntil: "networkidle" });
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').first().getAttribute("content");
      const scriptSrc = policy!.split(";").find((directive) => directive.trim().startsWith("script-src"))!;
      expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval/);
    }
    // Client-side navigation and the table of contents still work under the policy.
    await page.goto(browser.url("/"), { waitUntil: "networkidle" });
    await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Tags" }).click();
    await page.getByRole("heading", { level: 1, name: "Tags" }).waitFor();
    expect(reports).toEqual([]);
    // An inline script that got into the page anyway would not run.
    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.injectedScriptRan = true";
      document.body.append(script);
      return "injectedScriptRan" in window;
    });
    expect(ran).toBe(false);
    await expect.poll(() => reports.length).toBe(1);
  });
});
