import { useEffect, useId, useLayoutEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import type { MermaidConfig } from "mermaid";
import { diagramError, shortMessage } from "../content/markdown/article-diagrams";
import { diagramKindName, SECURE_KEYS, siteTheme } from "../content/markdown/mermaid-site";

interface MermaidDiagramProps {
  /** The diagram's Mermaid source. */
  source: string;
  /** The code block the build rendered from it: shown until the diagram is drawn, then as its source. */
  children: ReactNode;
}

type Drawing = { svg: string; name: string; description?: string } | { error: string };

/**
 * A Mermaid diagram (a ```mermaid block, or the `mermaid` shortcode), drawn in the browser over the
 * code block the build rendered: the page is readable before any of Mermaid's code arrives, and
 * stays so without script. Mermaid (~210 KB gzip with a flowchart's code) loads only when a diagram
 * is on screen, or within half a screen of it once the reader scrolls, and the browser is idle. The
 * diagram is in the site's colours for the scheme the page shows, and is drawn again when it changes.
 *
 * It is drawn in a shadow root: the style Mermaid writes into the SVG, with what a diagram's author
 * put in it (`classDef`, `style`), cannot reach the page around it. It is an image named by its
 * `accTitle` (or its kind: "Flowchart"), described by its `accDescr`, with its source below.
 */
export default function MermaidDiagram({ source, children }: MermaidDiagramProps) {
  const dark = useSyncExternalStore(subscribeToScheme, isDark, () => false);
  const pending = useRef<HTMLDivElement>(null);
  const image = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  const [drawing, setDrawing] = useState<Drawing>();
  const descriptionId = useId();

  useEffect(() => {
    const element = pending.current;
    if (!element) return;
    return whenNear(element, () => setNear(true));
  }, []);

  useEffect(() => {
    if (!near) return;
    let current = true;
    draw(source, dark).then(
      (drawn) => current && setDrawing(drawn),
      (error: unknown) => current && setDrawing({ error: shortMessage(error instanceof Error ? error.message : String(error)) }),
    );
    return () => {
      current = false;
    };
  }, [near, source, dark]);

  const svg = drawing && "svg" in drawing ? drawing.svg : undefined;
  // Before the browser paints the diagram's box, which would otherwise show empty for a frame.
  useLayoutEffect(() => {
    const host = image.current;
    if (!host || svg === undefined) return;
    (host.shadowRoot ?? host.attachShadow({ mode: "open" })).innerHTML = svg;
  }, [svg]);

  if (!drawing || "error" in drawing) {
    return (
      <div ref={pending} className="diagram-pending">
        {children}
        {drawing && <p className="diagram-error">{diagramError(drawing.error)}</p>}
      </div>
    );
  }
  return (
    <figure className="diagram">
      <div
        ref={image}
        className="diagram-image"
        role="img"
        aria-label={drawing.name}
        aria-describedby={drawing.description ? descriptionId : undefined}
      />
      {drawing.description && (
        <p id={descriptionId} className="visually-hidden">
          {drawing.description}
        </p>
      )}
      <details className="diagram-source">
        <summary>Source of the diagram</summary>
        {children}
      </details>
    </figure>
  );
}

/**
 * Calls `draw` once `element` is on screen, or within half a screen of it after the reader has
 * scrolled, and the browser is idle; returns what cancels it. A diagram just below the first
 * screen waits for the reader to scroll: the page's load (what Lighthouse measures) stays Mermaid's
 * ~210 KB gzip of script lighter, and the diagram is drawn before the reader gets there.
 */
function whenNear(element: Element, draw: () => void): () => void {
  let cancelIdle: (() => void) | undefined;
  let scrolled = window.scrollY > 0;
  let near = false;
  const start = () => {
    if (!near || !scrolled || cancelIdle) return;
    observer.disconnect();
    removeEventListener("scroll", onScroll);
    cancelIdle = whenIdle(draw);
  };
  const onScroll = () => {
    scrolled = true;
    start();
  };
  const observer = new IntersectionObserver(
    (entries) => {
      const entry = entries.at(-1)!;
      near = entry.isIntersecting;
      // On screen now: no need to wait for a scroll.
      if (entry.intersectionRect.height > 0 && entry.intersectionRect.top < innerHeight) scrolled = true;
      start();
    },
    { rootMargin: "50% 0px" },
  );
  observer.observe(element);
  addEventListener("scroll", onScroll, { passive: true });
  return () => {
    observer.disconnect();
    removeEventListener("scroll", onScroll);
    cancelIdle?.();
  };
}

/** Runs `callback` when the browser is next idle; returns what cancels it. */
function whenIdle(callback: () => void): () => void {
  if (typeof requestIdleCallback === "function") {
    const handle = requestIdleCallback(callback, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(callback, 200); // Safari has no requestIdleCallback
  return () => clearTimeout(handle);
}

const DARK = "(prefers-color-scheme: dark)";

/** Whether the page shows the dark scheme: the reader's choice (`data-scheme`, scheme-switch.tsx), else the system's. */
function isDark(): boolean {
  const chosen = document.documentElement.dataset.scheme;
  return chosen ? chosen === "dark" : matchMedia(DARK).matches;
}

function subscribeToScheme(listener: () => void): () => void {
  const choice = new MutationObserver(listener);
  choice.observe(document.documentElement, { attributes: true, attributeFilter: ["data-scheme"] });
  const system = matchMedia(DARK);
  system.addEventListener("change", listener);
  return () => {
    choice.disconnect();
    system.removeEventListener("change", listener);
  };
}

let mermaid: Promise<typeof import("mermaid").default> | undefined;
let queue: Promise<unknown> = Promise.resolve();
let diagrams = 0;

/**
 * Draws a diagram in the light or dark theme: its SVG, and its accessible name and description.
 * Mermaid's configuration is global, so diagrams are drawn one after another, each with its own.
 */
function draw(source: string, dark: boolean): Promise<Drawing> {
  // Mermaid's own browser build, served as files (build/mermaid-static.server.ts): Vite does not bundle it.
  mermaid ??= (import(/* @vite-ignore */ import.meta.env.FOLIO_MERMAID as string) as Promise<typeof import("mermaid")>).then((module) => {
    // Mermaid 12.3's block diagrams JSON.stringify a size that holds the <html> element, which React's
    // hydration gave a circular property: without a JSON form of its own, every block diagram failed.
    Object.defineProperty(document.documentElement, "toJSON", { value: () => "html", configurable: true });
    return module.default;
  });
  const drawn = queue.then(async () => {
    const renderer = await mermaid!;
    const config: MermaidConfig = {
      startOnLoad: false,
      // Labels are sanitised and clicks cannot call script; the page's CSP forbids inline script anyway.
      securityLevel: "strict",
      // An error is thrown (and shown beside the source), not drawn as Mermaid's bomb into the page.
      suppressErrorRendering: true,
      // Mermaid's base theme, in the site's colours as the page shows them now.
      theme: "base",
      darkMode: dark,
      themeVariables: siteTheme(dark),
      // Mermaid 12 lays graphs out with ELK by default, 450 KB gzip of script to dagre's 17 KB; the
      // site has no ELK (build/mermaid-static.server.ts), and a diagram may not ask for it (SECURE_KEYS).
      layout: "dagre",
      secure: SECURE_KEYS,
    };
    renderer.initialize(config);
    const { svg, diagramType } = await renderer.render(`folio-diagram-${++diagrams}`, source);
    return { svg, ...accessibleText(svg, diagramType) };
  });
  queue = drawn.catch(() => undefined);
  return drawn;
}

/** A diagram's name (its `accTitle`, else its kind) and description (its `accDescr`), which Mermaid writes into the SVG. */
function accessibleText(svg: string, diagramType: string): { name: string; description?: string } {
  const root = new DOMParser().parseFromString(svg, "image/svg+xml").documentElement;
  const child = (tag: string) => [...root.children].find((element) => element.localName === tag)?.textContent?.trim() || undefined;
  const name = child("title") ?? diagramKindName(diagramType);
  const description = child("desc");
  return { name, ...(description && { description }) };
}
