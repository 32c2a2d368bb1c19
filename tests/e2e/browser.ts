import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
// @ts-expect-error: a plain ES module script without type declarations
import { launchChromium as launchProjectChromium } from "../../scripts/chromium.mjs";

/** Chromium (scripts/find-chromium.mjs) with the flags this machine needs (no sandbox as root, no background networking). */
export function launchChromium(): Promise<Browser> {
  return launchProjectChromium();
}

/**
 * Starts one Chromium for a test file and gives each test a fresh page that fails the test on
 * any uncaught script error. `url(path)` is the served production build.
 */
export function useBrowser() {
  let browser: Browser;
  const errors: string[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    url: (path: string) => inject("baseUrl") + path,
    errors,
    async newPage(options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
      const context = await browser.newContext({
        javaScriptEnabled: options.javaScriptEnabled ?? true,
        viewport: { width: options.width ?? 1280, height: 800 },
      });
      const page = await context.newPage();
      page.on("pageerror", (error) => errors.push(error.message));
      return page;
    },
  };
}
