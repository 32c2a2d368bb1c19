// The README's screenshots: the sample post in the built site, in the light and the dark colour
// scheme, as Chromium shows it at a laptop's width. Run after a build: `npm run screenshots`.
// Usage: node scripts/screenshots.mjs [--out docs/screenshots] [--dir build/client]
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { launchChromium } from "./chromium.mjs";
import { serveStatic } from "./serve.mjs";

const { values } = parseArgs({
  options: { out: { type: "string", default: "docs/screenshots" }, dir: { type: "string", default: "build/client" } },
});
const PAGE = "/posts/ai-personalized-cancer-treatment/";

const server = await serveStatic({ dir: values.dir, port: 0 });
const browser = await launchChromium();
try {
  mkdirSync(values.out, { recursive: true });
  for (const colorScheme of ["light", "dark"]) {
    const page = await browser.newPage({ viewport: { width: 1100, height: 860 }, colorScheme });
    await page.goto(`http://127.0.0.1:${server.address().port}${PAGE}`, { waitUntil: "networkidle" });
    const file = path.join(values.out, `sample-post-${colorScheme}.png`);
    await page.screenshot({ path: file });
    console.info(`wrote ${file}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
