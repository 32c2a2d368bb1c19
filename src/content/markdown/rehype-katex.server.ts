import type { Element, ElementContent, Root } from "hast";
import { fromParse5 } from "hast-util-from-parse5";
import { toString } from "hast-util-to-string";
import katex, { type KatexOptions } from "katex";
// mhchem's \ce and \pu (chemical equations, units), which LoveIt and FixIt load by default.
import "katex/contrib/mhchem";
import { parseFragment } from "parse5";

/** A formula KaTeX could not render as written: it shows in red, its TeX as written. */
export interface MathProblem {
  /** The TeX as the post wrote it. */
  tex: string;
  message: string;
}

/** How a post's math is rendered: its own macros (FixIt's `math.katex.macros`), and where to report a formula that fails. */
export interface MathOptions {
  /** TeX macros by name, `{"\\RR": "\\mathbb{R}"}`, shared by the post's formulas as `\gdef`s are. */
  macros?: Readonly<Record<string, string>>;
  report?: (problem: MathProblem) => void;
  /** Called for each formula rendered: the page of a post with math loads the math style sheet. */
  rendered?: () => void;
}

/** Where markdownToHast gives this step the post's math options: the file's data (false: the post has no math). */
export interface MathData {
  math?: MathOptions | false;
}

/**
 * The colour of a formula that failed, and of a command a post may not use: a custom property that the
 * math style sheet sets for each colour scheme (KaTeX writes it into a `style` attribute), red where
 * the sheet is not loaded (feeds).
 */
const ERROR_COLOR = "var(--math-error, #cc0000)";

/**
 * Renders the formulas that math-syntax.ts read (`span.math`, `div.math`) with KaTeX, in place, at
 * build time: HTML for the eye and MathML for screen readers, so the browser runs no math script.
 * It runs after the sanitiser, on text that came through it, so only KaTeX's own output carries its
 * inline styles. KaTeX trusts no command that links, styles or names elements (`\href`, `\url`,
 * `\htmlStyle`, `\includegraphics`, …: shown in red), expands macros at most 1,000 times and sizes
 * at most 50em. A formula KaTeX cannot read shows its TeX in red, in its place, and is reported.
 */
export default function rehypeKatex() {
  return (tree: Root, file: { data: unknown }) => {
    const options = (file.data as MathData).math;
    if (options === false) return;
    // One macros table per post: a `\gdef` in one formula holds in the next, as on LoveIt's page.
    const macros: Record<string, string> = { ...options?.macros };
    const report = options?.report ?? (() => {});
    focusScrollingParagraphs(tree);
    forEachFormula(tree, (element, display) => {
      element.children = render(toString(element), display, macros, report);
      options?.rendered?.();
    });
  };
}

/**
 * An inline formula of this many characters of TeX or more may be wider than a phone's column: its
 * paragraph then scrolls sideways (math-styles.css), and takes focus so the keyboard can scroll it,
 * as a code block does. A guess from the TeX's length, for no script: a shorter formula that still
 * overflows scrolls as well, and Chromium lets the keyboard reach it too; a tab stop in every
 * paragraph with a formula would cost a keyboard reader one stop per `$x$`.
 */
export const LONG_INLINE_TEX = 60;

/** Lets the paragraphs (and definitions) that hold a long inline formula take focus (LONG_INLINE_TEX). */
function focusScrollingParagraphs(parent: Root | Element): void {
  for (const child of parent.children) {
    if (child.type !== "element" || child.tagName === "pre" || child.tagName === "code") continue;
    if ((child.tagName === "p" || child.tagName === "dd") && child.children.some(isLongInlineFormula)) child.properties.tabIndex = 0;
    focusScrollingParagraphs(child);
  }
}

function isLongInlineFormula(node: ElementContent): boolean {
  if (node.type !== "element" || node.tagName !== "span") return false;
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.includes("math-inline") && toString(node).length >= LONG_INLINE_TEX;
}

/** Calls `visit` on each formula's element (`span.math-inline`, `div.math-display`), never inside code. */
export function forEachFormula(parent: Root | Element, visit: (element: Element, display: boolean) => void): void {
  for (const child of parent.children) {
    if (child.type !== "element" || child.tagName === "pre" || child.tagName === "code") continue;
    const classes = child.properties.className;
    if ((child.tagName === "span" || child.tagName === "div") && Array.isArray(classes) && classes.includes("math")) {
      if (classes.includes("math-display")) visit(child, true);
      else if (classes.includes("math-inline")) visit(child, false);
      continue;
    }
    forEachFormula(child, visit);
  }
}

function render(
  tex: string,
  displayMode: boolean,
  macros: Record<string, string>,
  report: (problem: MathProblem) => void,
): ElementContent[] {
  const untrusted = new Set<string>();
  const options: KatexOptions = {
    displayMode,
    output: "htmlAndMathml",
    throwOnError: true,
    // LoveIt's and FixIt's setting: TeX that LaTeX itself would warn of (Unicode text in math mode) renders without a word.
    strict: "ignore",
    trust: ({ command }) => {
      untrusted.add(command);
      return false;
    },
    macros,
    maxSize: 50,
    maxExpand: 1000,
    errorColor: ERROR_COLOR,
  };
  let html: string;
  try {
    html = katex.renderToString(tex, options);
  } catch (error) {
    if (!(error instanceof katex.ParseError)) throw error;
    report({ tex, message: error.rawMessage || error.message });
    html = katex.renderToString(tex, { ...options, throwOnError: false });
  }
  if (untrusted.size > 0)
    report({
      tex,
      message: `${[...untrusted].map((command) => `\`${command}\``).join(", ")}: a post's math may not link, load or style (shown in red)`,
    });
  return (fromParse5(parseFragment(html)) as Root).children as ElementContent[];
}
