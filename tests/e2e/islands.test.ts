import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { contrast } from "./colour";
import { servedSite } from "./served-site";

// Interactive shortcodes (islands: src/shortcodes/<name>.island.tsx): the video players a click loads,
// and the repository's two example shortcodes of a site's own, kbd (static) and quiz (an island).
const POST = `---
title: Videos and a quiz
date: 2024-03-01
---

Press {{< kbd "Ctrl+Shift+P" >}} to open the palette.

{{< youtube id="w7Ft2ymGmfc" title="The talk" start="30" >}}

{{< vimeo 146022717 >}}

{{< quiz options="Mars|Jupiter|Venus" answer="Jupiter" >}}
Which planet is the **largest**?
{{< /quiz >}}
`;

const PLAIN = "---\ntitle: Plain\ndate: 2024-02-01\n---\n\nNo shortcodes here.\n";

const PLAYER_PAGE = "<!doctype html><title>Player</title><p>A stand-in for the video site's player</p>";

describe("interactive shortcodes (islands) in the browser", () => {
  const site = servedSite({ "videos.md": POST, "plain.md": PLAIN });

  /** A page that records the requests it makes and the errors React reports (a hydration mismatch among them), answering the video players' requests itself. */
  async function newPage(options: { javaScriptEnabled?: boolean; colorScheme?: "light" | "dark" } = {}) {
    const page = await site.browser.newPage(options);
    const requests: string[] = [];
    const errors: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.route(/^https:\/\/(www\.youtube-nocookie\.com|player\.vimeo\.com)\//, (route) =>
      route.fulfill({ contentType: "text/html", body: PLAYER_PAGE }),
    );
    return { page, requests, errors };
  }

  async function openPost(page: Page, path = "/posts/videos/") {
    await page.goto(`${site.origin}${path}`, { waitUntil: "networkidle" });
  }

  it("plays a video in place when its link is clicked, from youtube-nocookie.com, with the focus in the player", async () => {
    const { page, requests, errors } = await newPage();
    await openPost(page);
    expect(requests.filter((url) => !url.startsWith(site.origin))).toEqual([]);
    const link = page.getByRole("link", { name: /The talk/ });
    expect(await link.getAttribute("href")).toBe("https://www.youtube.com/watch?v=w7Ft2ymGmfc&t=30");
    await link.click();
    const player = page.locator('iframe[title="The talk"]');
    await expect.poll(() => player.getAttribute("src")).toBe("https://www.youtube-nocookie.com/embed/w7Ft2ymGmfc?autoplay=1&start=30");
    // The page's Content-Security-Policy let the frame load: the player answered inside it.
    await expect
      .poll(() => page.frameLocator('iframe[title="The talk"]').locator("p").innerText())
      .toBe("A stand-in for the video site's player");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("IFRAME");
    expect(page.url()).toBe(`${site.origin}/posts/videos/`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("plays a video from the keyboard (Enter on its link)", async () => {
    const { page } = await newPage();
    await openPost(page);
    await page.getByRole("link", { name: /Watch the video on Vimeo/ }).focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.locator('iframe[title="Watch the video on Vimeo"]').getAttribute("src"))
      .toBe("https://player.vimeo.com/video/146022717?autoplay=1&dnt=1");
    await page.close();
  });

  it("runs the site's quiz: a wrong answer says so, the right one says it is right, by mouse and keyboard", async () => {
    const { page, errors } = await newPage();
    await openPost(page);
    const quiz = page.getByRole("group", { name: "Which planet is the largest?" });
    // Clicked until the quiz's script has run (a click on the prerendered page before it does nothing).
    await expect
      .poll(async () => {
        await quiz.getByRole("button", { name: "Mars" }).click();
        return quiz.getByRole("status").innerText();
      })
      .toBe("Not Mars: try again.");
    expect(await quiz.getByRole("button", { name: "Mars" }).getAttribute("aria-pressed")).toBe("true");
    await quiz.getByRole("button", { name: "Jupiter" }).focus();
    await page.keyboard.press("Space");
    await expect.poll(() => quiz.getByRole("status").innerText()).toBe("Right: Jupiter.");
    expect(await quiz.getByRole("button", { name: "Mars" }).getAttribute("aria-pressed")).toBe("false");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("loads an island's code only on a page that has one, also when the reader comes from another page", async () => {
    const { page, requests } = await newPage();
    await openPost(page, "/posts/plain/");
    expect(requests.filter((url) => /island|video-link|quiz/.test(url))).toEqual([]);
    // Nor Vite's preload helper, which a page needs only to load chunks lazily (island-chunk.server.ts).
    const scripts = await page.evaluate(() =>
      Promise.all(
        performance
          .getEntriesByType("resource")
          .map((entry) => entry.name)
          .filter((url) => url.endsWith(".js"))
          .map(async (url) => ({ url, preloads: (await (await fetch(url)).text()).includes("vite:preloadError") })),
      ),
    );
    expect(scripts.length).toBeGreaterThan(3);
    expect(scripts.filter((script) => script.preloads).map((script) => script.url)).toEqual([]);
    await page.getByRole("link", { name: /Next post/ }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Videos and a quiz");
    const quiz = page.getByRole("group", { name: "Which planet is the largest?" });
    await expect
      .poll(async () => {
        await quiz.getByRole("button", { name: "Venus" }).click();
        return quiz.getByRole("status").innerText();
      })
      .toBe("Not Venus: try again.");
    expect(requests.some((url) => /\/assets\/quiz\.island-[\w-]+\.js$/.test(url))).toBe(true);
    expect(requests.some((url) => /\/assets\/youtube\.island-[\w-]+\.js$/.test(url))).toBe(true);
    // Its style sheet came with it.
    expect(await quiz.evaluate((node) => getComputedStyle(node).borderTopStyle)).toBe("solid");
    await page.close();
  });

  it("works without JavaScript: the video is a link to its site, the quiz's answer opens", async () => {
    const { page } = await newPage({ javaScriptEnabled: false });
    await openPost(page);
    expect(await page.getByRole("link", { name: /The talk/ }).getAttribute("href")).toBe(
      "https://www.youtube.com/watch?v=w7Ft2ymGmfc&t=30",
    );
    await page.locator(".quiz-answer summary").click();
    await expect.poll(() => page.locator(".quiz-answer").innerText()).toMatch(/Show the answer\s+Jupiter/);
    await page.close();
  });

  it("shows the site's kbd shortcode as keys", async () => {
    const { page } = await newPage();
    await openPost(page);
    expect(await page.locator("article kbd kbd").allInnerTexts()).toEqual(["Ctrl", "Shift", "P"]);
    expect(
      await page
        .locator("article kbd kbd")
        .first()
        .evaluate((node) => getComputedStyle(node).borderTopStyle),
    ).toBe("solid");
    await page.close();
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`shows the quiz readably in the ${colorScheme} scheme`, async () => {
      const { page } = await newPage({ colorScheme });
      await openPost(page);
      const quiz = page.locator(".quiz");
      await quiz.getByRole("button", { name: "Jupiter" }).click();
      await expect.poll(() => quiz.getByRole("status").innerText()).toBe("Right: Jupiter.");
      for (const selector of ['button[aria-pressed="true"]', 'button[aria-pressed="false"]', ".quiz-result", ".quiz-answer summary"]) {
        const [text, background] = await quiz
          .locator(selector)
          .first()
          .evaluate((node) => {
            let element: Element | null = node;
            let colour = "rgba(0, 0, 0, 0)";
            for (; element && colour === "rgba(0, 0, 0, 0)"; element = element.parentElement)
              colour = getComputedStyle(element).backgroundColor;
            return [getComputedStyle(node).color, colour];
          });
        expect(contrast(text, background), `${selector} in ${colorScheme}`).toBeGreaterThanOrEqual(4.5);
      }
      await page.close();
    });
  }
});
