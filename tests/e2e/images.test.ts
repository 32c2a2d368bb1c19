import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { contrast, luminance } from "./colour";
import { runBuild } from "./scratch-project";
import { servedSite } from "./served-site";

// Images as a reader meets them in Chromium: sized from their files at build time, so nothing moves
// as they arrive; lazily loaded below the first screen; and each post's image in the lists.
const SAMPLE_IMAGE = path.resolve(import.meta.dirname, "../../posts/ai-personalized-cancer-treatment/featured-image.png"); // 1200 × 630
const LOVEIT_IMAGE = path.resolve(
  import.meta.dirname,
  "../fixtures/drop-in/posts/hugo-loveit/theme-documentation-extended-shortcodes/featured-image.jpg",
); // 1280 × 720
const svg = (width: number, height: number, fill: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${fill}"/></svg>`;
const paragraphs = (count: number, words: string) => Array.from({ length: count }, (_, index) => `${words} (${index + 1}).`).join("\n\n");

const PHOTOS = `---
title: Photos
date: 2024-05-03
---

${paragraphs(2, "Words before the first image, which is on the first screen")}

![A chart](chart.png "Results by month")

${paragraphs(3, "Words between the images")}

![A diagram](diagram.svg)

${paragraphs(25, "Words that push the last images far below the first screen")}

<img src="chart.png" width="300" alt="A small chart">

![A badge from the site's public folder](/images/badge.svg)
`;

const COVER = `---
title: Cover
date: 2024-05-02
resources:
  - name: featured-image
    src: cover.svg
  - name: featured-image-preview
    src: cover-small.svg
---

${paragraphs(3, "A post with a featured image and a smaller one for lists")}
`;

const GALLERY = `---
title: Gallery
date: 2024-05-04
lightgallery: true
resources:
  - name: featured-image
    src: one.png
---

${paragraphs(2, "Two pictures that open full size")}

![The first picture](one.png)

![The second picture](two.jpg)
`;

const PLAIN = `---
title: Plain
date: 2024-05-01
---

No images here.
`;

let projectDir = "";
const site = servedSite(
  { "photos/index.md": PHOTOS, "cover/index.md": COVER, "gallery/index.md": GALLERY, "plain/index.md": PLAIN },
  {
    prepare: (dir) => {
      projectDir = dir;
      copyFileSync(SAMPLE_IMAGE, path.join(dir, "posts/photos/chart.png"));
      copyFileSync(SAMPLE_IMAGE, path.join(dir, "posts/gallery/one.png"));
      copyFileSync(LOVEIT_IMAGE, path.join(dir, "posts/gallery/two.jpg"));
      writeFileSync(path.join(dir, "posts/photos/diagram.svg"), svg(640, 480, "#2980b9"));
      writeFileSync(path.join(dir, "posts/cover/cover.svg"), svg(1200, 630, "#27ae60"));
      writeFileSync(path.join(dir, "posts/cover/cover-small.svg"), svg(400, 210, "#c0392b"));
      mkdirSync(path.join(dir, "public/images"), { recursive: true });
      writeFileSync(path.join(dir, "public/images/badge.svg"), svg(120, 40, "#8e44ad"));
    },
  },
);

/** A page of the site, its images answered after `imageDelay` ms (so that the text paints first, as on a slow connection), and the images it requested. */
async function open(
  urlPath: string,
  { width = 1280, imageDelay = 0, colorScheme = "light" as "light" | "dark" } = {},
): Promise<{ page: Page; requested: string[] }> {
  const context = await site.browser.newContext({ viewport: { width, height: 800 }, colorScheme });
  const page = await context.newPage();
  const requested: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "image") requested.push(new URL(request.url()).pathname);
  });
  if (imageDelay > 0) {
    await page.route(/\.(png|svg|webp)$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, imageDelay));
      await route.continue();
    });
  }
  await page.goto(`${site.origin}${urlPath}`, { waitUntil: "load" });
  return { page, requested };
}

/** Scrolls to the end of the page a screen at a time, as a reader does, and waits for every image to arrive. */
async function readToTheEnd(page: Page) {
  for (let top = 0; top < (await page.evaluate(() => document.documentElement.scrollHeight)); top += 600) {
    await page.evaluate((y) => window.scrollTo(0, y), top);
    await page.waitForTimeout(50);
  }
  await expect.poll(() => page.evaluate(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0))).toBe(true);
}

describe("images in an article", () => {
  it("have the width and height of their files, from the page bundle and from public/", async () => {
    const { page } = await open("/posts/photos/");
    await readToTheEnd(page);
    const images = await page.locator("article .post-content img").evaluateAll((nodes) =>
      (nodes as HTMLImageElement[]).map((image) => ({
        alt: image.alt,
        width: image.getAttribute("width"),
        height: image.getAttribute("height"),
        // The picture's own proportions, whichever copy the browser chose (a resized one shows as wide as its `sizes`).
        proportions: (image.naturalWidth / image.naturalHeight).toFixed(1),
      })),
    );
    expect(images).toEqual([
      { alt: "A chart", width: "1200", height: "630", proportions: "1.9" },
      { alt: "A diagram", width: "640", height: "480", proportions: "1.3" },
      // The author's width is kept; the height keeps the file's proportions.
      { alt: "A small chart", width: "300", height: "158", proportions: "1.9" },
      { alt: "A badge from the site's public folder", width: "120", height: "40", proportions: "3.0" },
    ]);
    await page.context().close();
  });

  it("do not move the page as they arrive after the text (cumulative layout shift 0)", async () => {
    const { page } = await open("/posts/photos/", { imageDelay: 400 });
    await page.evaluate(() => {
      const shifts = ((window as unknown as { shifts: number[] }).shifts = [] as number[]);
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
          if (!entry.hadRecentInput) shifts.push(entry.value);
      }).observe({ type: "layout-shift", buffered: true });
    });
    await readToTheEnd(page);
    expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual([]);
    await page.context().close();
  });

  it("load the first screen's image at once and the others only as the reader nears them, all decoded off the main thread", async () => {
    const { page, requested } = await open("/posts/photos/");
    const attributes = await page
      .locator("article .post-content img")
      .evaluateAll((nodes) => nodes.map((image) => `${image.getAttribute("loading")} ${image.getAttribute("decoding")}`));
    expect(attributes).toEqual(["eager async", "lazy async", "lazy async", "lazy async"]);
    expect(requested).toContain("/posts/photos/chart.png.960w.webp");
    expect(requested).not.toContain("/images/badge.svg");
    await readToTheEnd(page);
    expect(requested).toContain("/images/badge.svg");
    await page.context().close();
  });

  it("show a featured image at the top of the page, sized and loaded at once", async () => {
    const { page } = await open("/posts/cover/");
    const featured = page.locator("img.featured-image");
    expect(
      await featured.evaluate((image) => [image.getAttribute("width"), image.getAttribute("height"), image.getAttribute("loading")]),
    ).toEqual(["1200", "630", "eager"]);
    await page.context().close();
  });
});

describe("image captions", () => {
  it("show an image's Markdown title under it, readable in both schemes", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const { page } = await open("/posts/photos/", { colorScheme });
      const figure = page.locator("article figure", { has: page.getByRole("img", { name: "A chart" }) });
      const caption = figure.locator("figcaption");
      expect(await caption.innerText()).toBe("Results by month");
      const image = (await figure.getByRole("img").boundingBox())!;
      expect((await caption.boundingBox())!.y).toBeGreaterThanOrEqual(image.y + image.height);
      const colour = await caption.evaluate((node) => getComputedStyle(node).color);
      const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      expect(contrast(colour, background), colorScheme).toBeGreaterThanOrEqual(4.5);
      await page.context().close();
    }
  });
});

describe("resized copies of a page bundle's pictures", () => {
  /** The file an image shows, once it has arrived. */
  const shown = async (page: Page, alt: string) => {
    const image = page.getByRole("img", { name: alt });
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((node: HTMLImageElement) => node.complete && node.naturalWidth > 0)).toBe(true);
    return image.evaluate((node: HTMLImageElement) => new URL(node.currentSrc).pathname);
  };

  it("let the browser load the smallest WebP copy as wide as the picture is shown", async () => {
    const { page, requested } = await open("/posts/photos/");
    // Shown 704 pixels wide (the article's measure): the 960-pixel copy, not the 1200-pixel PNG.
    expect(await shown(page, "A chart")).toBe("/posts/photos/chart.png.960w.webp");
    // The author made it 300 pixels wide: the smallest copy fits it (Chromium may show the larger one it already has).
    expect(await page.getByRole("img", { name: "A small chart" }).getAttribute("sizes")).toBe("(max-width: 300px) 100vw, 300px");
    expect(requested).not.toContain("/posts/photos/chart.png");
    await page.context().close();

    const phone = await open("/posts/photos/", { width: 390 });
    expect(await shown(phone.page, "A chart")).toBe("/posts/photos/chart.png.480w.webp");
    await phone.page.context().close();
  });

  it("open in the gallery at their largest, by mouse and by keyboard", async () => {
    const { page } = await open("/posts/gallery/", { imageDelay: 0 });
    await page.waitForLoadState("networkidle");
    const viewer = page.getByRole("dialog", { name: "Image viewer" });
    await page.getByRole("img", { name: "The first picture" }).click();
    const large = viewer.getByRole("img", { name: "The first picture" });
    await expect.poll(() => large.evaluate((node: HTMLImageElement) => node.complete && node.naturalWidth)).toBe(1200);
    expect(new URL((await large.getAttribute("src"))!).pathname).toBe("/posts/gallery/one.png.1200w.webp");
    await page.keyboard.press("ArrowRight");
    const second = viewer.getByRole("img", { name: "The second picture" });
    await expect.poll(() => second.evaluate((node: HTMLImageElement) => node.complete && node.naturalWidth)).toBe(1280);
    await page.keyboard.press("Escape");
    await expect.poll(() => viewer.isVisible()).toBe(false);
    // By keyboard: the picture's link, then Enter.
    await page.getByRole("link", { name: "The second picture" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => second.isVisible()).toBe(true);
    expect(new URL((await second.getAttribute("src"))!).pathname).toBe("/posts/gallery/two.jpg.1280w.webp");
    await page.context().close();
  });

  it("give the lists' thumbnails a small copy", async () => {
    const { page } = await open("/");
    const thumbnail = page.getByRole("article", { name: "Gallery" }).locator("img.post-thumbnail");
    await expect.poll(() => thumbnail.evaluate((node: HTMLImageElement) => node.complete && node.naturalWidth > 0)).toBe(true);
    expect(await thumbnail.evaluate((node: HTMLImageElement) => new URL(node.currentSrc).pathname)).toBe(
      "/posts/gallery/one.png.480w.webp",
    );
    await page.context().close();
  });
});

describe("post lists", () => {
  it("show each post's image beside it, LoveIt's preview first, sized, and none for a post without one", async () => {
    const { page } = await open("/");
    const card = page.getByRole("article", { name: "Cover" });
    const thumbnail = card.locator("img.post-thumbnail");
    await expect.poll(() => thumbnail.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(400);
    expect(await thumbnail.getAttribute("src")).toBe("/posts/cover/cover-small.svg");
    expect([await thumbnail.getAttribute("width"), await thumbnail.getAttribute("height")]).toEqual(["400", "210"]);
    expect(await thumbnail.isVisible()).toBe(true);
    expect(await page.getByRole("article", { name: "Plain" }).locator("img").count()).toBe(0);
    // Beside the title on a wide screen.
    const title = (await card.getByRole("heading").boundingBox())!;
    const box = (await thumbnail.boundingBox())!;
    expect(box.x).toBeGreaterThan(title.x + title.width - 1);
    await page.context().close();
  });

  it("show the image above the title on a phone, framed in each scheme's colours", async () => {
    const borders: string[] = [];
    for (const colorScheme of ["light", "dark"] as const) {
      const { page } = await open("/", { width: 390, colorScheme });
      const card = page.getByRole("article", { name: "Cover" });
      const box = (await card.locator("img.post-thumbnail").boundingBox())!;
      const title = (await card.getByRole("heading").boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(title.y);
      expect(box.width).toBeGreaterThan(300);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
      const border = await card.locator("img.post-thumbnail").evaluate((image) => getComputedStyle(image).borderTopColor);
      const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      // A frame lighter than a dark page and darker than a light one, so the image's edge shows on both.
      expect(colorScheme === "dark" ? luminance(border) > luminance(background) : luminance(border) < luminance(background)).toBe(true);
      borders.push(border);
      await page.context().close();
    }
    expect(borders[0]).not.toBe(borders[1]);
  });
});

// Last: it changes a picture and builds again, in the folder the other tests are served from.
describe("the resized copies in builds", () => {
  const resized = (output: string) => /folio: (\d+) of (\d+) page bundle images resized/.exec(output)?.slice(1).map(Number);

  it("are made once, and again only for an image that changed", async () => {
    // Three pictures, two of them the same file: its copies are made once.
    expect(resized(site.output)).toEqual([2, 2]);
    const again = runBuild(projectDir);
    expect(again.status).toBe(0);
    expect(resized(again.stdout)).toEqual([0, 2]);
    // A picture replaced beside its unchanged post: its copies, its size and its page change.
    await sharp({ create: { width: 800, height: 400, channels: 3, background: "#16a085" } })
      .png()
      .toFile(path.join(projectDir, "posts/photos/chart.png"));
    const changed = runBuild(projectDir);
    expect(resized(changed.stdout)).toEqual([1, 3]);
    const page = readFileSync(path.join(projectDir, "build/client/posts/photos/index.html"), "utf8");
    expect(page).toMatch(/<img [^>]*src="\/posts\/photos\/chart.png"[^>]*width="800" height="400"/);
    expect(existsSync(path.join(projectDir, "build/client/posts/photos/chart.png.800w.webp"))).toBe(true);
    expect(existsSync(path.join(projectDir, "build/client/posts/photos/chart.png.1200w.webp"))).toBe(false);
  }, 120_000);
});
