import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
// @ts-expect-error: a plain ES module script without type declarations (the tests', the benchmark's and the screenshots' Chromium)
import { locateChromium } from "../../scripts/find-chromium.mjs";
import { SECURE_KEYS, siteTheme } from "../content/markdown/mermaid-site";

/** One diagram as Mermaid drew it in the site's light and dark colours, or Mermaid's error. */
export type RawDrawing = { light: string; dark: string; diagramType: string } | { error: string };

/** A diagram to draw: its source, and the id its SVG gets (Mermaid prefixes its style's selectors and its markers' ids with it). */
export interface DiagramToDraw {
  id: string;
  source: string;
}

/** Mermaid's folder in node_modules: its prebuilt browser bundles are served from there to the blank page. */
export const MERMAID_DIST = path.dirname(createRequire(import.meta.url).resolve("mermaid/dist/mermaid.esm.min.mjs"));

/** The blank page's origin: every request to it is answered from node_modules or the site's style sheet; any other is refused. */
const ORIGIN = "http://folio-diagrams.invalid";

/**
 * Chromium's flags for drawing, beside the tests' (scripts/chromium.mjs). One process rather than
 * Chromium's usual nine (browser, two zygotes, GPU, network, storage, three renderers), which share
 * the binary's pages: summed RSS counts them in each. And a V8 old generation of 48 MB, so that V8
 * collects Mermaid's garbage sooner. Drawing a 1,000-post `--extras` corpus's 121 diagrams, Chromium
 * peaked at 1,069 MiB of summed RSS (516 MiB PSS) as the tests start it, 464 MiB (459 MiB PSS) in
 * one process, 416 MiB (412 MiB PSS) with 48 MB of heap (436 MiB with 64, 394 MiB with 32); the
 * drawings were the same byte for byte. ~210 MiB of what is left is the binary's code. The largest
 * diagrams Mermaid accepts (50,000 characters, 500 edges) draw in 48 MB; with 32 they took 40 %
 * longer, collecting all the time. Should the heap run out, Chromium stops and the diagrams left are
 * drawn in the reader's browser (diagrams.server.ts).
 */
const DRAWING_FLAGS = ["--single-process", "--no-zygote", "--js-flags=--max-old-space-size=48"];

/**
 * A headless Chromium with Mermaid loaded in a blank page, which draws diagrams as they will be
 * shown: in a copy of an article's boxes (`.post-content .diagram-image`), styled by the site's own
 * style sheet, so that Mermaid measures each label with the fonts, size and line height the page
 * gives it. The page loads nothing from the network. One page, in one process: a page per core drew
 * ~25 % faster but took a renderer process each (~150 MiB more apiece).
 */
export class DiagramBrowser {
  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
  ) {}

  /** Chromium (CHROMIUM_PATH, Debian's, or the PATH's: scripts/find-chromium.mjs), or why there is none. */
  static locate(): { path: string } | { problem: string } {
    const found = (locateChromium as () => { path?: string; problem?: string })();
    return found.path ? { path: found.path } : { problem: found.problem! };
  }

  /** Starts Chromium at `executablePath` with Mermaid and `siteCss` (the site's style sheet) in a page. */
  static async launch(executablePath: string, siteCss: string): Promise<DiagramBrowser> {
    // Loaded only when a diagram is to be drawn: a build or dev server with none loads no browser code.
    const { chromium } = await import("playwright-core");
    // @ts-expect-error: as above; Chromium's flags as the tests start it (headless, no sandbox, no background connections)
    const { CHROMIUM_FLAGS } = (await import("../../scripts/chromium.mjs")) as { CHROMIUM_FLAGS: string[] };
    const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_FLAGS, ...DRAWING_FLAGS] });
    try {
      return new DiagramBrowser(browser, await mermaidPage(browser, siteCss));
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  /**
   * Draws `diagrams`, each in the light scheme then the dark one, one after another. One call at a
   * time: Mermaid's configuration is the page's, and calls that overlap would draw with each other's.
   */
  draw(diagrams: readonly DiagramToDraw[]): Promise<RawDrawing[]> {
    return this.page.evaluate(drawInPage, { diagrams: [...diagrams], secure: SECURE_KEYS, themeSource: siteTheme.toString() });
  }

  /** Closes the browser. */
  close(): Promise<void> {
    return this.browser.close();
  }
}

/** A page in a context of its own, with Mermaid loaded from node_modules and the site's style sheet. */
async function mermaidPage(browser: Browser, siteCss: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: "light" });
  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort();
    if (url.pathname === "/") return route.fulfill({ contentType: "text/html", body: blankPage(siteCss) });
    const file = path.join(MERMAID_DIST, path.normalize(decodeURIComponent(url.pathname)));
    if (!file.startsWith(MERMAID_DIST + path.sep) || !file.endsWith(".mjs")) return route.abort();
    return route.fulfill({ contentType: "text/javascript", body: await readFile(file) });
  });
  await page.goto(`${ORIGIN}/`);
  // A module script of the page's own, not an import() in a function handed to page.evaluate: the dev
  // server's module runner rewrites a function's import() into a helper the page does not have.
  await page.addScriptTag({ type: "module", content: 'import mermaid from "/mermaid.esm.min.mjs"; window.mermaid = mermaid;' });
  await page.waitForFunction(() => "mermaid" in window);
  return page;
}

/** The page Mermaid draws in: the site's style sheet and an article's boxes around the place a diagram goes. */
function blankPage(siteCss: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${siteCss.replace(/<\/style/gi, "<\\/style")}</style></head>
<body><main><article class="post"><div class="post-frame"><div class="post-content"><figure class="diagram"><div class="diagram-image" id="folio-host"></div></figure></div></div></article></main></body></html>`;
}

/**
 * Runs in the blank page (serialised by playwright-core: it may use nothing from this module).
 * Mermaid's base theme in the site's colours, as components/mermaid-diagram.tsx draws in the
 * browser: `themeSource` is content/markdown/mermaid-site.ts's `siteTheme`, which reads app.css's
 * custom properties for the scheme the page is set to.
 */
async function drawInPage({
  diagrams,
  secure,
  themeSource,
}: {
  diagrams: DiagramToDraw[];
  secure: string[];
  themeSource: string;
}): Promise<RawDrawing[]> {
  type Mermaid = typeof import("mermaid").default;
  const mermaid = (window as unknown as { mermaid: Mermaid }).mermaid;
  const host = document.getElementById("folio-host")!;
  const siteTheme = new Function(`return (${themeSource})`)() as (dark: boolean) => Record<string, string | boolean>;
  const theme = (dark: boolean) => {
    document.documentElement.dataset.scheme = dark ? "dark" : "light";
    return siteTheme(dark);
  };
  const drawings: RawDrawing[] = [];
  for (const { id, source } of diagrams) {
    try {
      const svgs: string[] = [];
      let diagramType = "";
      for (const dark of [false, true]) {
        mermaid.initialize({
          startOnLoad: false,
          securityLevel: "strict",
          suppressErrorRendering: true,
          theme: "base",
          darkMode: dark,
          themeVariables: theme(dark),
          layout: "dagre",
          secure: secure,
        });
        const drawn = await mermaid.render(id, source, host);
        svgs.push(drawn.svg);
        diagramType = drawn.diagramType;
        host.replaceChildren();
      }
      drawings.push({ light: svgs[0], dark: svgs[1], diagramType });
    } catch (error) {
      host.replaceChildren();
      drawings.push({ error: error instanceof Error ? error.message : String(error) });
    }
  }
  return drawings;
}
