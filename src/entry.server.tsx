import { PassThrough } from "node:stream";
import { text } from "node:stream/consumers";
import { createReadableStreamFromReadable } from "@react-router/node";
import { isbot } from "isbot";
import { renderToPipeableStream, type RenderToPipeableStreamOptions } from "react-dom/server";
import { ServerRouter, type EntryContext } from "react-router";
import { finishPage } from "./build/page-html.server";

export const streamTimeout = 5_000;

/** A build prerenders every page to a file; the dev server streams them. */
const prerendering = !import.meta.env.DEV;

/**
 * React Router's default server entry (@react-router/dev's entry.server.node.tsx), except that a
 * build waits for the whole page and finishes it (page-html.server.ts: module preloads after the
 * first paint, the page's Content-Security-Policy) before it is written. Finishing each page here,
 * where its HTML already is in memory, replaced a pass that read and rewrote every page after
 * rendering: at 10,000 posts, the build's end after rendering went from 22 s to 13 s.
 */
export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, routerContext: EntryContext) {
  // https://httpwg.org/specs/rfc9110.html#HEAD
  if (request.method.toUpperCase() === "HEAD") return new Response(null, { status: responseStatusCode, headers: responseHeaders });

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const userAgent = request.headers.get("user-agent");
    // Bots, SPA mode and builds wait for all content: https://react.dev/reference/react-dom/server/renderToPipeableStream#waiting-for-all-content-to-load-for-crawlers-and-static-generation
    const readyOption: keyof RenderToPipeableStreamOptions =
      prerendering || (userAgent && isbot(userAgent)) || routerContext.isSpaMode ? "onAllReady" : "onShellReady";
    // Abort the rendering stream after `streamTimeout`, so that it has time to flush the rejected boundaries.
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(() => abort(), streamTimeout + 1000);

    const { pipe, abort } = renderToPipeableStream(<ServerRouter context={routerContext} url={request.url} />, {
      // A prerendered page is a file, read whole: React is not to hold back a part of it (past its
      // first 12,800 bytes, a Suspense boundary such as an island's) as hidden HTML that a script
      // reveals, which a reader without script would never see.
      progressiveChunkSize: prerendering ? Number.POSITIVE_INFINITY : undefined,
      [readyOption]() {
        shellRendered = true;
        const body = new PassThrough({
          final(callback) {
            // Clear the timeout so that it does not keep the closure alive.
            clearTimeout(timeoutId);
            timeoutId = undefined;
            callback();
          },
        });
        responseHeaders.set("Content-Type", "text/html");
        pipe(body);
        const init = { headers: responseHeaders, status: responseStatusCode };
        if (prerendering) {
          text(body).then((html) => resolve(new Response(finishPage(html), init)), reject);
        } else {
          resolve(new Response(createReadableStreamFromReadable(body), init));
        }
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        // Errors in the shell reject and are logged by React Router; log those met after it.
        if (shellRendered) console.error(error);
      },
    });
  });
}
