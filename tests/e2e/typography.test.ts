import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { servedSite } from "./served-site";

// An article in a right-to-left language or in Chinese, Japanese or Korean (a translation: its page
// has its own <html lang> and dir; src/root.tsx) is laid out and broken into lines as its readers expect (app.css).
const body = (heading: string, text: string) => `
## ${heading}

${text} *${text.slice(0, 4)}*

> ${text}

> [!NOTE]
> ${text}

\`\`\`js
const risk = score(patient);
\`\`\`

## ${heading} 2

${text}
`;

const site = servedSite({
  "trip/index.md": `---\ntitle: The trip\ndate: 2024-03-01\n---\n${body("Morning", "We left early and walked to the harbour.")}`,
  "trip/index.ar.md": `---\ntitle: الرحلة\ndate: 2024-03-01\n---\n${body("الصباح", "غادرنا مبكرا ومشينا إلى الميناء.")}`,
  "trip/index.zh.md": `---\ntitle: 旅行\ndate: 2024-03-01\n---\n${body("早上", "我们很早就出发了，一路走到港口。Folio 的排版。")}`,
  "trip/index.ko.md": `---\ntitle: 여행\ndate: 2024-03-01\n---\n${body("아침", "우리는 일찍 출발해서 항구까지 걸어갔다.")}`,
});

async function open(path: string, width = 1280): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width, height: 800 } });
  await page.goto(`${site.origin}${path}`, { waitUntil: "networkidle" });
  return page;
}

const style = (page: Page, selector: string, property: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((node, name) => getComputedStyle(node).getPropertyValue(name), property);

describe("an article in a right-to-left language", () => {
  it("reads from the right: quote and callout bars, the TOC's marks and the text start there; code stays left to right", async () => {
    const page = await open("/ar/posts/trip/");
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["ar", "rtl"]);
    const article = await page.locator(".post-content").boundingBox();
    const paragraph = await page.locator(".post-content > p").first().boundingBox();
    // The paragraph's text ends short of the left edge: it starts at the right.
    expect(Math.round(paragraph!.x + paragraph!.width)).toBe(Math.round(article!.x + article!.width));
    for (const selector of [".post-content blockquote:not(.markdown-alert)", ".markdown-alert"]) {
      expect(await style(page, selector, "border-right-width"), selector).toBe("4px");
      expect(await style(page, selector, "border-left-width"), selector).toBe("0px");
    }
    expect(await style(page, ".toc a", "border-right-width")).toBe("2px");
    expect(await style(page, ".post-content pre", "direction")).toBe("ltr");
    const code = await page.locator(".post-content pre code").boundingBox();
    const pre = await page.locator(".post-content pre").boundingBox();
    expect(code!.x - pre!.x).toBeLessThan(40); // the code starts at the block's left
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await page.close();
  });

  it("fits a phone without scrolling sideways", async () => {
    const page = await open("/ar/posts/trip/", 320);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.close();
  });
});

describe("an article in Chinese, Japanese or Korean", () => {
  it("uses the language's fonts, line breaking and measure, and marks emphasis with dots instead of italics", async () => {
    const page = await open("/zh/posts/trip/");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh");
    const paragraph = ".post-content > p";
    expect(await style(page, paragraph, "font-family")).toContain('"Noto Sans CJK SC"');
    expect(await style(page, paragraph, "line-break")).toBe("strict");
    const lineHeight = parseFloat(await style(page, paragraph, "line-height"));
    expect(lineHeight / parseFloat(await style(page, paragraph, "font-size"))).toBeCloseTo(1.8);
    expect(await style(page, paragraph, "text-autospace")).toBe("normal");
    expect(await style(page, `${paragraph} em`, "font-style")).toBe("normal");
    expect(await style(page, `${paragraph} em`, "text-emphasis-style")).toBe("dot");
    // 40 characters of 1em a line at most, against 44rem for Latin text.
    expect((await page.locator(".post-content").boundingBox())!.width).toBeLessThanOrEqual(40 * 16 + 1);
    const english = await open("/posts/trip/");
    expect(await style(english, paragraph, "line-break")).toBe("auto");
    expect(await style(english, `${paragraph} em`, "font-style")).toBe("italic");
    await Promise.all([page.close(), english.close()]);
  });

  it("keeps Korean words whole at line ends, as Korean is written with spaces", async () => {
    const page = await open("/ko/posts/trip/");
    expect(await style(page, ".post-content > p", "word-break")).toBe("keep-all");
    expect(await style(page, ".post-content > p", "font-family")).toContain('"Noto Sans CJK KR"');
    await page.close();
  });
});
