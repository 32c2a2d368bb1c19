/**
 * How the site draws Mermaid diagrams, shared by the build (build/diagram-browser.server.ts, in
 * Chromium) and the reader's browser when the build could not draw them
 * (components/mermaid-diagram.tsx): what a diagram may not set, the site's colours as Mermaid's
 * theme, and what a kind of diagram is called.
 */

/**
 * What a diagram may not change with its own `%%{init: …}%%` or front matter: Mermaid's own list
 * (securityLevel among them), its theme, which is the site's, and its layout (dagre: the site does
 * not serve ELK's code to the browser).
 */
export const SECURE_KEYS = [
  "secure",
  "layout",
  "securityLevel",
  "startOnLoad",
  "maxTextSize",
  "suppressErrorRendering",
  "maxEdges",
  "theme",
  "themeVariables",
  "themeCSS",
  "darkMode",
  "fontFamily",
  "altFontFamily",
];

/**
 * Mermaid's theme variables for the site's colours (app.css's custom properties, resolved for the
 * scheme the page shows): nodes in the accent's soft tint with an accent border, lines muted, edge
 * labels and notes on the surface colour, text in the text colour, so labels read as the page's text does.
 *
 * It uses nothing but the page's DOM: the build sends its source to the page Chromium draws in.
 */
export function siteTheme(dark: boolean): Record<string, string | boolean> {
  const probe = document.createElement("span");
  probe.hidden = true;
  document.body.append(probe);
  const colour = (property: string) => {
    probe.style.color = `var(${property})`;
    return getComputedStyle(probe).color;
  };
  const [text, muted, background, surface, border, accent, accentSoft] = [
    "--text",
    "--muted",
    "--background",
    "--surface",
    "--border",
    "--accent",
    "--accent-soft",
  ].map(colour);
  probe.remove();
  return {
    darkMode: dark,
    fontFamily: getComputedStyle(document.documentElement).fontFamily,
    background,
    textColor: text,
    primaryColor: accentSoft,
    primaryTextColor: text,
    primaryBorderColor: accent,
    // The secondary and tertiary fills (a pie's other slices, a class's sections) Mermaid turns from
    // the primary one by hue, at its lightness: the text colour reads on them too.
    secondaryTextColor: text,
    secondaryBorderColor: border,
    tertiaryTextColor: text,
    tertiaryBorderColor: border,
    lineColor: muted,
    edgeLabelBackground: surface,
    clusterBkg: surface,
    clusterBorder: border,
    noteBkgColor: surface,
    noteTextColor: text,
    noteBorderColor: border,
  };
}

/** What Mermaid's kinds of diagram are called (its `diagramType`, without `-v2` or `Diagram`); others are "<Kind> diagram". */
const KIND_NAMES: Record<string, string> = {
  flowchart: "Flowchart",
  er: "Entity relationship diagram",
  journey: "User journey",
  gantt: "Gantt chart",
  pie: "Pie chart",
  quadrantChart: "Quadrant chart",
  xychart: "XY chart",
  gitGraph: "Git graph",
  mindmap: "Mind map",
  timeline: "Timeline",
  kanban: "Kanban board",
  radar: "Radar chart",
  treemap: "Treemap",
};

/** A diagram's name from its kind (Mermaid's `diagramType`), for a diagram without an `accTitle`. */
export function diagramKindName(diagramType: string): string {
  const kind = diagramType.replace(/-v\d+$/, "").replace(/Diagram$/, "");
  return KIND_NAMES[kind] ?? `${kind.charAt(0).toUpperCase()}${kind.slice(1)} diagram`;
}
