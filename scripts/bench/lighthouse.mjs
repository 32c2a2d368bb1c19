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
 * audits that kept it under 100 (`{ category, id, title, score, displayValue }`, score 0-1).
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
      failing.push({ category: id, id: audit.id, title: audit.title, score: audit.score, displayValue: audit.displayValue, weight: ref.weight });
    }
  }
  return { scores, failing, warnings: runWarnings };
}
