import { stripVTControlCharacters } from "node:util";
import { createLogger, type Logger } from "vite";
import { aboveProgress } from "./build-log.server.ts";
import { renderProgress } from "./prerender-workers.server.ts";

/**
 * React Router's prerender logs a line per file it writes (`Prerender (html): /posts/x/ -> …`): two or
 * three per page, over 30,000 lines at 10,000 posts. They are counted into the build's "Rendering
 * pages" progress instead, and shown with `FOLIO_VERBOSE=1`.
 */
const PRERENDERED = /^Prerender \((html|data|resource)\): (?!Received)/;
/** A page or feed written (its `.data` file is the same page's; the SPA fallback is no page of the site). */
const PAGE_WRITTEN = /^Prerender \((html|resource)\): (?!SPA Fallback)/;
/** React Router's note that it deleted the server bundle a static build does not need: nothing for an author to act on. */
const SERVER_BUILD_REMOVED = /^Removing the server build in .* due to ssr:false$/;
/**
 * React Router 7 creates its own Vite servers with `envFile: false`, which Vite 8 reports as
 * deprecated; React Router 8 (Node 22) no longer does. scripts/react-router.mjs drops the same notice
 * from the servers whose logger is not this one.
 */
const ENV_FILE_NOTICE = "The `envFile` option is deprecated";

/** Vite's logger for Folio's builds and dev server: Vite's own, printed above the progress bar, without the lines above. */
export function folioViteLogger(verbose = process.env.FOLIO_VERBOSE === "1"): Logger {
  const logger = createLogger("info", { allowClearScreen: false });
  const shown = (message: string) => {
    const text = stripVTControlCharacters(message);
    if (text.includes(ENV_FILE_NOTICE)) return false;
    if (PRERENDERED.test(text)) {
      if (PAGE_WRITTEN.test(text)) renderProgress()?.advance();
      return verbose;
    }
    return !SERVER_BUILD_REMOVED.test(text);
  };
  return {
    ...logger,
    get hasWarned() {
      return logger.hasWarned;
    },
    info(message, options) {
      if (shown(message)) aboveProgress(() => logger.info(message, options));
    },
    warn(message, options) {
      if (shown(message)) aboveProgress(() => logger.warn(message, options));
    },
    warnOnce(message, options) {
      if (shown(message)) aboveProgress(() => logger.warnOnce(message, options));
    },
    error(message, options) {
      aboveProgress(() => logger.error(message, options));
    },
  };
}
