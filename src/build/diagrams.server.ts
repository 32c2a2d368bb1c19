import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { shortMessage, type DiagramEntry } from "../content/markdown/article-diagrams";
import { DiagramBrowser, MERMAID_DIST, type RawDrawing } from "./diagram-browser.server";
import { finishDiagram } from "./diagram-svg.server";
import { removeUnused } from "./cache-folder.server";

/**
 * Mermaid diagrams drawn to SVG when the site is built, kept in `.folio-cache/diagrams/`: one JSON
 * file per diagram (`DiagramEntry`: its SVG, name and description, or Mermaid's error), named by a
 * hash of its source, Mermaid's version and Folio's theme (the site's style sheet and the code that
 * draws). A rebuild in which no diagram changed finds them all there and starts no browser.
 */
export const DIAGRAM_CACHE_DIR = path.resolve(".folio-cache", "diagrams");

/** What a diagram's drawing depends on besides its source: the files of Folio's theme and the code that draws. */
const THEME_FILES = [
  "src/app.css",
  "src/content/markdown/mermaid-site.ts",
  "src/build/diagram-browser.server.ts",
  "src/build/diagram-svg.server.ts",
];

let version: string | undefined;

/** Mermaid's version and a hash of Folio's theme: part of every diagram's key. */
function drawingVersion(): string {
  if (version === undefined) {
    const hash = createHash("sha256");
    hash.update(JSON.parse(readFileSync(path.join(MERMAID_DIST, "..", "package.json"), "utf8")).version as string);
    for (const file of THEME_FILES) hash.update(`\0${file}\0`).update(readFileSync(file));
    version = hash.digest("hex");
  }
  return version;
}

/** A diagram's key in the cache: its source, Mermaid's version and Folio's theme. */
export function diagramKey(source: string): string {
  return createHash("sha256").update(drawingVersion()).update("\0").update(source).digest("hex").slice(0, 32);
}

const entryPath = (key: string) => path.join(DIAGRAM_CACHE_DIR, `${key}.json`);

/** A diagram's drawing from the cache, if it was drawn. */
export function cachedDiagram(source: string): DiagramEntry | undefined {
  try {
    return JSON.parse(readFileSync(entryPath(diagramKey(source)), "utf8")) as DiagramEntry;
  } catch {
    return undefined;
  }
}

/** What drawing diagrams did: how many were drawn, and why none could be when there is no browser. */
export interface DrawingResult {
  drawn: number;
  /** Why the diagrams the cache lacked were not drawn (no Chromium, or it would not start): they are drawn in the reader's browser. */
  problem?: string;
}

/** Diagrams drawn in a call to the page: a page that never holds a huge answer, and this thread's work beside the browser's. */
const BATCH = 50;

/**
 * Draws the `sources` the cache lacks, in one Chromium started for them (none when the cache has
 * them all), and stores each. `keepBrowser` keeps the browser for the next call (the dev server,
 * which draws as pages are asked for); a build closes it.
 */
export function drawDiagrams(sources: Iterable<string>, options: { keepBrowser?: boolean } = {}): Promise<DrawingResult> {
  // One drawing at a time: the dev server may be asked for two pages with diagrams at once, and Mermaid's configuration is the page's.
  const drawn = queue.then(() => drawMissing(sources, options));
  queue = drawn.catch(() => undefined);
  return drawn;
}

let queue: Promise<unknown> = Promise.resolve();

async function drawMissing(sources: Iterable<string>, { keepBrowser = false }: { keepBrowser?: boolean }): Promise<DrawingResult> {
  const missing = new Map<string, string>();
  for (const source of sources) {
    const key = diagramKey(source);
    if (!missing.has(key) && cachedDiagram(source) === undefined) missing.set(key, source);
  }
  if (missing.size === 0) return { drawn: 0 };
  let browser: DiagramBrowser;
  try {
    browser = await openBrowser();
  } catch (error) {
    return { drawn: 0, problem: error instanceof Error ? error.message : String(error) };
  }
  try {
    mkdirSync(DIAGRAM_CACHE_DIR, { recursive: true });
    const all = [...missing].map(([key, source]) => ({ id: `diagram-${key.slice(0, 12)}`, key, source }));
    const batches = Array.from({ length: Math.ceil(all.length / BATCH) }, (_, index) => all.slice(index * BATCH, (index + 1) * BATCH));
    let drawn = 0;
    // The browser draws the next batch while this thread finishes the last one's SVG (diagram-svg.server.ts).
    let drawing = browser.draw(batches[0]);
    for (const [index, batch] of batches.entries()) {
      let drawings: RawDrawing[];
      try {
        drawings = await drawing;
      } catch (error) {
        // The browser crashed or was closed: the diagrams not yet drawn are left to the reader's browser.
        await closeBrowser();
        return {
          drawn,
          problem: `Chromium stopped while drawing (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`,
        };
      }
      if (index + 1 < batches.length) {
        drawing = browser.draw(batches[index + 1]);
        // Awaited in the next turn; should finishing this batch throw, its failure is not an unhandled rejection.
        drawing.catch(() => undefined);
      }
      batch.forEach((diagram, at) => writeFileSync(entryPath(diagram.key), JSON.stringify(entryOf(diagram.id, drawings[at]))));
      drawn += batch.length;
    }
    return { drawn };
  } finally {
    if (keepBrowser) closeWhenIdle();
    else await closeBrowser();
  }
}

/** A drawing as the cache keeps it: the finished SVG (diagram-svg.server.ts), or a short form of Mermaid's error. */
function entryOf(id: string, drawing: RawDrawing): DiagramEntry {
  if ("error" in drawing) return { error: shortMessage(drawing.error) };
  try {
    return { id, ...finishDiagram(id, drawing.light, drawing.dark, drawing.diagramType) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Deletes the drawings no diagram in `sources` uses (old versions of diagrams, removed ones, an old theme). */
export function pruneDiagramCache(sources: Iterable<string>): void {
  removeUnused(DIAGRAM_CACHE_DIR, new Set([...sources].map((source) => `${diagramKey(source)}.json`)));
}

// One browser at a time for the process: on the dev server, kept between pages for a while.
let opened: Promise<DiagramBrowser> | undefined;
let idleTimer: NodeJS.Timeout | undefined;
/** How long the dev server keeps its browser after the last drawing. */
const IDLE_MS = 60_000;

function openBrowser(): Promise<DiagramBrowser> {
  clearTimeout(idleTimer);
  if (!opened) {
    const found = DiagramBrowser.locate();
    if ("problem" in found) return Promise.reject(new Error(found.problem));
    opened = DiagramBrowser.launch(found.path, readFileSync("src/app.css", "utf8"));
    opened.catch(() => (opened = undefined));
  }
  return opened;
}

async function closeBrowser(): Promise<void> {
  const browser = opened;
  opened = undefined;
  await (await browser?.catch(() => undefined))?.close();
}

function closeWhenIdle(): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => void closeBrowser(), IDLE_MS);
  idleTimer.unref();
}
