import { createHash } from "node:crypto";

/**
 * What a built page gets on top of what React renders, applied by entry.server.tsx as each page is
 * prerendered: its module preloads after the first paint, then a Content-Security-Policy that allows
 * its own inline scripts. (The dev server, for authors, gets neither: see SECURITY.md.)
 */
export function finishPage(html: string): string {
  return withContentSecurityPolicy(withModulePreloadsAfterPaint(withoutHtmlTwice(html)));
}

/** React Router's hydration data in a page: `<script>window.__reactRouterContext.streamController.enqueue("…");</script>`. */
const HYDRATION_DATA = /(<script>window\.__reactRouterContext\.streamController\.enqueue\()("(?:[^"\\]|\\.)*")(\);<\/script>)/g;
/** React Router's escapes in that script (its escapeHtml), which JSON.stringify does not make. */
const SCRIPT_ESCAPES: Record<string, string> = { "&": "\\u0026", ">": "\\u003e", "<": "\\u003c", "\u2028": "\\u2028", "\u2029": "\\u2029" };

/**
 * Ships a formula's or a diagram's HTML once, not twice. A post carries them as HTML strings placed
 * with `dangerouslySetInnerHTML` (content/markdown/article-content.server.ts, article-diagrams.ts),
 * and React Router's hydration data repeated every one of them after the article: 195 KB of the
 * benchmark's math post's 377 KB (18.5 of its 46.4 KB gzip). When React hydrates an element placed
 * so, it keeps the HTML the element has and compares nothing, so the page's data holds `""` in their
 * place. Navigating in the app fetches a page's data whole (its `_.data` file, untouched), and a
 * string the data also uses elsewhere (as a value or a key) is left as it is.
 */
export function withoutHtmlTwice(html: string): string {
  return html.replace(HYDRATION_DATA, (script, start: string, literal: string, end: string) => {
    // Most pages have no formula or diagram: their data is left unparsed.
    if (!literal.includes("__html")) return script;
    // Turbo-stream: a flat array of values; an object is `{"_<index of its key>": <index of its value>}`, an array lists indices.
    const chunk = /^(\[[\s\S]*\])(\s*)$/.exec(JSON.parse(literal) as string);
    if (!chunk) return script;
    let values: unknown[];
    try {
      values = JSON.parse(chunk[1]) as unknown[];
    } catch {
      return script;
    }
    const key = values.indexOf("__html");
    if (key < 0) return script;
    const placed = new Set<number>();
    const usedElsewhere = new Set<number>();
    for (const value of values) {
      if (Array.isArray(value)) for (const index of value) if (typeof index === "number") usedElsewhere.add(index);
      if (value === null || typeof value !== "object" || Array.isArray(value)) continue;
      for (const [name, index] of Object.entries(value)) {
        usedElsewhere.add(Number(name.slice(1)));
        if (typeof index === "number") (name === `_${key}` ? placed : usedElsewhere).add(index);
      }
    }
    let removed = 0;
    for (const index of placed) {
      if (usedElsewhere.has(index) || typeof values[index] !== "string") continue;
      values[index] = "";
      removed++;
    }
    if (removed === 0) return script;
    const text = JSON.stringify(JSON.stringify(values) + chunk[2]).replace(/[&<>\u2028\u2029]/g, (character) => SCRIPT_ESCAPES[character]);
    return start + text + end;
  });
}

const MODULE_PRELOAD = /<link rel="modulepreload" href="([^"]+)"\/>/g;
const BOOT_SCRIPT = '<script type="module" async="">';

/**
 * Lets a page paint before its scripts load. React Router puts a `<link rel="modulepreload">` for
 * every script the page runs (~111 KB gzip, mostly React) at the top of `<head>`, and a module
 * script that imports them at the end of `<body>`: on a slow connection they share the bandwidth
 * with the page itself, and the article paints later. Without the preloads the scripts load one
 * import level at a time and the page becomes interactive later. So both wait for the first frame:
 * the module script is kept as text and a small script, once the first frame is painted, adds the
 * same preloads and runs it. Measured with the bundled posts (medians of a helper's study):
 * Lighthouse mobile FCP 1.35 s → 0.85 s and Performance 99 → 100; in Chromium throttled to slow 4G,
 * first paint 2.1 s → 0.9 s with hydration unchanged (2.8–3.1 s), where dropping the preloads
 * alone made it 4.5 s.
 */
export function withModulePreloadsAfterPaint(html: string): string {
  const hrefs = Array.from(html.matchAll(MODULE_PRELOAD), ([, href]) => href);
  if (hrefs.length === 0 || !html.includes(BOOT_SCRIPT)) return html;
  const list = JSON.stringify(hrefs).replace(/</g, "\\u003c");
  const script =
    `<script>requestAnimationFrame(()=>setTimeout(()=>{for(const href of ${list}){` +
    `const link=document.createElement("link");link.rel="modulepreload";link.href=href;document.head.append(link)}` +
    `const boot=document.createElement("script");boot.type="module";boot.textContent=document.getElementById("folio-boot").textContent;document.body.append(boot)}))</script>`;
  return html
    .replace(MODULE_PRELOAD, "")
    .replace(BOOT_SCRIPT, '<script type="text/plain" id="folio-boot">')
    .replace("</body>", `${script}</body>`);
}

/**
 * The video players a reader can start with a click on a `youtube`, `vimeo` or `bilibili` shortcode's
 * link. On the site's every page, not only a video's: a page's policy stays for the pages the reader
 * goes to from it in the app.
 */
const VIDEO_PLAYERS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com", "https://player.bilibili.com"];

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)(?![^>]*type="application\/ld\+json")[^>]*>([\s\S]*?)<\/script>/gi;

/**
 * Adds a Content-Security-Policy `<meta>` to a page: scripts only from the site itself, plus the
 * page's own inline scripts (React Router's hydration data) by their SHA-256 hashes; no `eval`, no
 * plugins, no `<base>` from elsewhere, forms only to the site. A post's sanitised HTML has no script
 * of its own; if one slipped through, the browser would refuse to run it. Styles may be inline (the
 * posts' scoped `<style>` blocks); images may come from anywhere over HTTPS, as posts link them;
 * frames only from the video players below (a post's own `<iframe>` never passes the sanitiser).
 */
export function withContentSecurityPolicy(html: string): string {
  const hashes = Array.from(html.matchAll(INLINE_SCRIPT), ([, code]) => `'sha256-${createHash("sha256").update(code).digest("base64")}'`);
  const policy = [
    "default-src 'self'",
    `script-src 'self' ${[...new Set(hashes)].join(" ")}`.trim(),
    // Search (components/search-engine.ts) runs Pagefind in a worker of the site's own script,
    // /pagefind/pagefind-worker.js, which compiles its WebAssembly under the worker's own policy (a
    // static host sends none), so the page needs no 'wasm-unsafe-eval'. Nothing else starts a worker.
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    // Only the video players a click on a video link loads (src/shortcodes/built-in/*.island.tsx).
    `frame-src ${VIDEO_PLAYERS.join(" ")}`,
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
  return html.replace(/<head>/i, `<head><meta http-equiv="Content-Security-Policy" content="${policy}">`);
}
