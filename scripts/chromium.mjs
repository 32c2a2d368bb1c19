// Chromium as the tests, the benchmark and the screenshots start it.
import { chromium } from "playwright-core";
import { ensureChromium } from "./find-chromium.mjs";

/** Headless, no sandbox (CI runs as root), and none of the background connections a closed network refuses. */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Starts Chromium through playwright-core: CHROMIUM_PATH, Debian's, or the PATH's (scripts/find-chromium.mjs). */
export function launchChromium() {
  return chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_FLAGS });
}
