// Lighthouse scores of served pages: Lighthouse 12's default configuration, which is the mobile
// preset (a Moto G Power screen, simulated slow 4G and a 4x slower CPU), in a Chromium of its own.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnGroup, stopGroup } from "./processes.mjs";

/** The categories scored, in the order the results show them. */
export const CATEGORIES = [
  { id: "performance", title: "Performance" },
  { id: "accessibility", title: "Accessibility" },
  { id: "best-practices", title: "Best Practices" },
  { id: "seo", title: "SEO" },
];

/**
 * Starts Chromium for Lighthouse with a DevTools port (the benchmark's Playwright Chromium talks over
 * a pipe instead); resolves to `{ port, close }`. Nothing is downloaded: Lighthouse connects to it.
 */
export async function launchLighthouseChromium(executablePath, flags) {
  const profile = mkdtempSync(path.join(tmpdir(), "folio-bench-lighthouse-"));
  const args = [...flags, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"];
  const child = spawnGroup(executablePath, args, {});
  const close = async () => {
    await stopGroup(child);
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const port = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Chromium printed no DevTools port in 30 s:\n${child.output()}`)), 30_000);
      child.stderr.on("data", () => {
        const match = /DevTools listening on ws:\/\/127\.0\.0\.1:(\d+)\//.exec(child.output());
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      child.exited.then((code) => reject(new Error(`Chromium exited with ${code}:\n${child.output()}`)));
    });
    return { port, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Runs Lighthouse on a URL through the Chromium on `port`: each category's score (0-100) and the
 * audits that kept it under 100 (`{ category, id, title, score, displayValue, weight, examples, found }`,
 * score 0-1; `examples` are up to three of the elements or URLs the audit found, of `found`).
 */
export async function lighthouseScores(url, port) {
  const { default: lighthouse } = await import("lighthouse");
  const result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: CATEGORIES.map((c) => c.id) });
  const { categories, audits, runtimeError, runWarnings } = result.lhr;
  if (runtimeError) throw new Error(`Lighthouse: ${runtimeError.code}: ${runtimeError.message}`);
  const scores = {};
  const failing = [];
  for (const { id } of CATEGORIES) {
    const category = categories[id];
    if (category.score === null) throw new Error(`Lighthouse gave no ${category.title} score for ${url}: ${runWarnings.join("; ")}`);
    scores[id] = Math.round(category.score * 100);
    if (scores[id] === 100) continue;
    for (const ref of category.auditRefs) {
      const audit = audits[ref.id];
      if (audit.score === null || audit.score >= 1 || !["binary", "numeric", "metricSavings"].includes(audit.scoreDisplayMode)) continue;
      const found = (audit.details?.items ?? []).map((item) => describeItem(item, new URL(url).origin)).filter(Boolean);
      failing.push({
        category: id,
        id: audit.id,
        title: audit.title,
        score: audit.score,
        displayValue: audit.displayValue,
        weight: ref.weight,
        examples: found.slice(0, 3),
        found: found.length,
      });
    }
  }
  return { scores, failing, warnings: runWarnings };
}

/** What an audit's table row points at, in one short line: the element's HTML, the link, or the URL (origin left off). */
function describeItem(item, origin) {
  const short = (text) => {
    const line = String(text).replaceAll(origin, "").replace(/\s+/g, " ").trim();
    return line.length > 120 ? `${line.slice(0, 119)}…` : line;
  };
  if (item.node?.snippet) return short(item.node.snippet);
  if (item.href !== undefined && item.text !== undefined) return short(`"${item.text}" → ${item.href}`);
  const url = typeof item.url === "string" ? item.url : item.url?.value;
  return url ? short(url) : undefined;
}
