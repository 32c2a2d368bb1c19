import type { Element, ElementContent, Root } from "hast";
// The highlighter's engine is code, read once from node_modules: no post's content comes from a file here.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createHighlighterCoreSync, type HighlighterCore, type LanguageRegistration, type ThemeRegistration } from "shiki/core";
import { createOnigurumaEngine } from "shiki/engine/oniguruma";
import { bundledLanguagesInfo } from "shiki/langs";
import githubDark from "shiki/themes/github-dark-default.mjs";
import githubLight from "shiki/themes/github-light-default.mjs";
import { toString } from "hast-util-to-string";
import { fenceOptions } from "./code-fence-options";

/** Where markdownToHast gives this step what it needs from the post: where to report a language Folio cannot highlight (false: no highlighting). */
export interface HighlightData {
  highlight?: { report?: (language: string) => void } | false;
}

/** Names other generators' highlighters (Chroma, highlight.js, Prism) give languages that Shiki knows by another. */
const ALIASES: Readonly<Record<string, string>> = { golang: "go", patch: "diff", cfg: "ini", gradle: "groovy", nasm: "asm" };
/** Names that mean "no language": shown as written, with no warning. */
const PLAIN = new Set(["text", "txt", "plain", "plaintext", "none", "nohighlight", "output"]);
/** Left to the diagram step, which shows the diagram (or its source until the diagram arrives). */
const NOT_HIGHLIGHTED = new Set(["mermaid"]);

/**
 * Highlights fenced code blocks at build time with Shiki (VS Code's TextMate grammars), in place:
 * the page carries coloured text and runs no highlighting script. Each token's colour is a CSS
 * `light-dark()` pair from GitHub's light and dark themes, so the reader's colour scheme picks
 * one with no re-render (the site's colours are pairs of the same kind: app.css). The fence's options
 * (code-fence-options.ts) add a title, line numbers and highlighted lines; a `diff` block marks added
 * and removed lines. A language Shiki does not know shows as plain text and is reported once.
 *
 * It runs after the sanitiser, on text that came through it: only this step writes the tokens'
 * styles. A line of more than 2,000 characters stays plain (a hostile post
 * cannot stall the build); there is no time limit, which would make the output depend on the machine's load.
 */
export default function rehypeHighlight() {
  return (tree: Root, file: { data: unknown }) => {
    const options = (file.data as HighlightData).highlight;
    const reported = new Set<string>();
    const report = (language: string) => {
      if (reported.has(language)) return;
      reported.add(language);
      if (options) options.report?.(language);
    };
    highlightBlocks(tree, options === false ? undefined : report);
  };
}

/** Replaces each `pre > code.language-*` under `parent` with its highlighted block (without `report`, only drops the fences' options). */
function highlightBlocks(parent: Root | Element, report: ((language: string) => void) | undefined): void {
  parent.children.forEach((pre, index) => {
    if (pre.type !== "element") return;
    const code = pre.tagName === "pre" && pre.children.length === 1 ? pre.children[0] : undefined;
    if (code?.type !== "element" || code.tagName !== "code") return highlightBlocks(pre, report);
    const meta = typeof code.properties.dataMeta === "string" ? code.properties.dataMeta : undefined;
    delete code.properties.dataMeta;
    const classes = Array.isArray(code.properties.className) ? code.properties.className.map(String) : [];
    const written = classes.find((name) => name.startsWith("language-"))?.slice("language-".length);
    if (written === undefined || NOT_HIGHLIGHTED.has(written.toLowerCase()) || !report) return;
    const language = languageOf(written);
    if (language === undefined) report(written);
    // A block already in a figure (the author's, or a shortcode's: Hexo's codeblock) keeps that figure's caption.
    const captioned = parent.type === "element" && parent.tagName === "figure";
    parent.children[index] = highlighted(toString(code), language, written, meta, captioned);
  });
}

/** The language Shiki knows `written` as, loaded; "text" for plain text; undefined if it knows none. */
function languageOf(written: string): string | undefined {
  const name = written.toLowerCase();
  if (PLAIN.has(name)) return "text";
  const wanted = ALIASES[name] ?? name;
  const id = bundledLanguagesInfo.find((info) => info.id === wanted || info.aliases?.includes(wanted))?.id;
  if (!id) return undefined;
  const shiki = highlighter();
  if (!shiki.getLoadedLanguages().includes(id)) {
    // Grammars are loaded as a post needs them (Shiki has 240, most of a build needs a few).
    shiki.loadLanguageSync((require(`shiki/langs/${id}.mjs`) as { default: LanguageRegistration[] }).default);
  }
  return id;
}

const require = createRequire(import.meta.url);
/**
 * VS Code's own regular-expression engine (Oniguruma, compiled to WebAssembly), loaded once per
 * process or worker when this module is (~20 ms): the pipeline runs synchronously, and only loading
 * WebAssembly is not. It highlighted the 639 code blocks of a 500-post benchmark corpus twice as
 * fast as Shiki's JavaScript engine (1.5 against 3.0 ms a block, best of five side-by-side runs).
 */
const engine = await createOnigurumaEngine(readFileSync(require.resolve("shiki/onig.wasm")));

/**
 * The colours: GitHub's light and dark themes, as `light-dark()` pairs. GitHub's light theme has one
 * colour (comments, #6e7781) under WCAG AA's 4.5:1 on the site's code background (#f6f8fa): it takes
 * the site's muted text colour instead, which is GitHub's newer comment colour.
 */
const LIGHT = withColour(githubLight, "#6e7781", "#59636e");
const DARK = githubDark;
/**
 * Both themes have the same rules (scopes and font styles) in the same order, with other colours. So
 * Shiki tokenises each block once, with a theme of those rules whose colours are the rules' numbers,
 * and each number becomes its light and dark colours: half the work of tokenising with both themes,
 * which Shiki does one theme after the other. (Checked when this module loads.)
 */
const RULES = rulesTheme(LIGHT, DARK);
/** A CSS declaration of a light and a dark colour, in capitals as Shiki writes a theme's colours. */
const lightDark = (property: string, light: string, dark: string) => `${property}:light-dark(${light.toUpperCase()},${dark.toUpperCase()})`;
/** The style of a token in the block's own colour (the themes' text colour), which tokenLines leaves out. */
const PLAIN_STYLE = lightDark("color", LIGHT.colors!["editor.foreground"], DARK.colors!["editor.foreground"]);
/** Each rule's colour and background as CSS, by the colour that numbers the rule. */
const RULE_STYLES = new Map<string, string>([
  [ruleColour("color", -1), PLAIN_STYLE],
  ...(LIGHT.tokenColors ?? []).flatMap((rule, index) =>
    (["foreground", "background"] as const).flatMap((setting): [string, string][] => {
      const property = setting === "foreground" ? "color" : "background-color";
      const [light, dark] = [rule.settings[setting], DARK.tokenColors![index].settings[setting]];
      return light && dark ? [[ruleColour(property, index), lightDark(property, light, dark)]] : [];
    }),
  ),
]);

let shikiHighlighter: HighlighterCore | undefined;
/** One highlighter per process (or worker). */
function highlighter(): HighlighterCore {
  shikiHighlighter ??= createHighlighterCoreSync({ engine, themes: [RULES], langs: [] });
  return shikiHighlighter;
}

function withColour(theme: ThemeRegistration, from: string, to: string): ThemeRegistration {
  return {
    ...theme,
    tokenColors: theme.tokenColors?.map((rule) =>
      rule.settings.foreground?.toLowerCase() === from ? { ...rule, settings: { ...rule.settings, foreground: to } } : rule,
    ),
  };
}

/** Rule `index`'s colour or background in the rules' theme (-1: the text colour): colours the themes never use. */
function ruleColour(property: "color" | "background-color", index: number): string {
  return `#${property === "color" ? "0f" : "0e"}${(index + 1).toString(16).padStart(4, "0")}`;
}

/** The theme both `light` and `dark` are, with rule numbers for colours; throws if their rules differ. */
function rulesTheme(light: ThemeRegistration, dark: ThemeRegistration): ThemeRegistration {
  const shape = (theme: ThemeRegistration) =>
    JSON.stringify(
      theme.tokenColors?.map(({ scope, settings }) => [scope, settings.fontStyle, !settings.foreground, !settings.background]),
    );
  if (shape(light) !== shape(dark))
    throw new Error(`${light.name} and ${dark.name} no longer have the same rules: highlight with each (Shiki's themes option)`);
  return {
    name: "folio-rules",
    type: "light",
    colors: { "editor.foreground": ruleColour("color", -1), "editor.background": "#ffffff" },
    tokenColors: light.tokenColors?.map((rule, index) => ({
      ...rule,
      settings: {
        ...rule.settings,
        ...(rule.settings.foreground ? { foreground: ruleColour("color", index) } : {}),
        ...(rule.settings.background ? { background: ruleColour("background-color", index) } : {}),
      },
    })),
  };
}

/**
 * The block as the page shows it: a figure with a caption (its title, and its language) around a
 * `pre.shiki` whose lines are `span.line`s of coloured tokens. Line numbers are CSS counters, so
 * copying the code never copies them.
 */
function highlighted(code: string, language: string | undefined, written: string, meta: string | undefined, captioned: boolean): Element {
  const options = fenceOptions(meta);
  // The last line's line break, if the code had one (a fence's code always has), is kept: copying gives the code as written.
  const finalBreak = code.endsWith("\n");
  const text = withoutMagicComments(finalBreak ? code.slice(0, -1) : code, options.highlightedLines);
  const lines = language ? tokenLines(text, language) : text.split("\n").map((line) => (line ? [line] : []));
  const diff = language === "diff";
  const pre = element(
    "pre",
    {
      className: ["shiki", ...(options.firstLineNumber !== undefined ? ["line-numbers"] : [])],
      // The browser scrolls a long line inside the block; a keyboard reaches it to scroll it too.
      tabIndex: 0,
      ...(options.firstLineNumber !== undefined && options.firstLineNumber !== 1
        ? { style: `counter-reset:line ${options.firstLineNumber - 1}` }
        : {}),
    },
    [
      element(
        "code",
        { className: [`language-${written}`] },
        lines.flatMap((tokens, index) => line(tokens, index + 1, options.highlightedLines, diff, finalBreak || index < lines.length - 1)),
      ),
    ],
  );
  const label = language && language !== "text" ? languageName(language) : undefined;
  if ((!options.title && !label) || captioned) return pre;
  // The language is a label, not the post's text (summaries, word counts and search leave it out): CSS shows it.
  return element("figure", { className: ["code-figure"] }, [
    element(
      "figcaption",
      { className: ["code-caption"], ...(label ? { dataLanguage: label } : {}) },
      options.title ? [{ type: "text", value: options.title }] : [],
    ),
    pre,
  ]);
}

/** Docusaurus's comments that highlight lines, in any language's comment syntax (`// highlight-next-line`, `# highlight-start`, `<!-- highlight-end -->`). */
const MAGIC_COMMENT = /^\s*(?:\/\/|#|--|;|%|\/\*|<!--|\{\/\*)\s*highlight-(next-line|start|end)\s*(?:\*\/\}|\*\/|-->)?\s*$/;

/**
 * The code without Docusaurus's magic comments, each line they mark added to `highlighted`
 * (numbered as the reader sees the block, without the comments). Text with none is returned as it is.
 */
function withoutMagicComments(code: string, highlighted: Set<number>): string {
  if (!code.includes("highlight-")) return code;
  const kept: string[] = [];
  let next = false;
  let open = false;
  for (const line of code.split("\n")) {
    const comment = MAGIC_COMMENT.exec(line)?.[1];
    if (comment === "next-line") next = true;
    else if (comment === "start") open = true;
    else if (comment === "end") open = false;
    else {
      kept.push(line);
      if (next || open) highlighted.add(kept.length);
      next = false;
    }
  }
  return kept.join("\n");
}

/** A token: its text, or its text and style. */
type Token = string | [text: string, style: string];

/** The code's lines as tokens; a token in the block's own colour is plain text (its style would repeat the block's). */
function tokenLines(code: string, language: string): Token[][] {
  // No time limit (Shiki's default is 500 ms a line): the first line in a language also compiles its
  // grammar's expressions, and on a busy machine it went over, leaving the line plain in one build and
  // coloured in the next. A long line stays plain instead (2,000 characters), whatever the machine.
  const tokens = highlighter().codeToTokensBase(code, {
    lang: language,
    theme: RULES.name,
    tokenizeMaxLineLength: 2000,
    tokenizeTimeLimit: 0,
  });
  return tokens.map((line) => {
    const merged: Token[] = [];
    for (const token of line) {
      const tokenStyle = style(token.color, token.bgColor, token.fontStyle);
      const own = tokenStyle === PLAIN_STYLE || !/\S/.test(token.content) ? "" : tokenStyle;
      const last = merged.at(-1);
      if (last !== undefined && (typeof last === "string" ? own === "" : own === last[1]))
        merged[merged.length - 1] = typeof last === "string" ? last + token.content : [last[0] + token.content, own];
      else merged.push(own ? [token.content, own] : token.content);
    }
    return merged;
  });
}

/** TextMate's font style bits (vscode-textmate's FontStyle, a type-only enum in Shiki's exports). */
const FontStyle = { Italic: 1, Bold: 2, Underline: 4, Strikethrough: 8 } as const;

/** A token's style, as Shiki writes it for two themes: its colours, its background, then its font style. */
function style(colour: string | undefined, background: string | undefined, fontStyle: number | undefined): string {
  const parts = [RULE_STYLES.get(colour?.toLowerCase() ?? "") ?? PLAIN_STYLE];
  if (background) parts.push(RULE_STYLES.get(background.toLowerCase()) ?? "");
  if (fontStyle && fontStyle > 0) {
    if (fontStyle & FontStyle.Italic) parts.push("font-style:italic");
    if (fontStyle & FontStyle.Bold) parts.push("font-weight:bold");
    const decorations = [
      ...(fontStyle & FontStyle.Underline ? ["underline"] : []),
      ...(fontStyle & FontStyle.Strikethrough ? ["line-through"] : []),
    ];
    if (decorations.length > 0) parts.push(`text-decoration:${decorations.join(" ")}`);
  }
  return parts.filter(Boolean).join(";");
}

/** One line: `span.line`, marked if highlighted or, in a diff, added or removed; then its line break, if it has one. */
function line(tokens: Token[], number: number, highlightedLines: ReadonlySet<number>, diff: boolean, lineBreak: boolean): ElementContent[] {
  const text = tokens.map((token) => (typeof token === "string" ? token : token[0])).join("");
  const classes = ["line"];
  if (highlightedLines.has(number)) classes.push("highlighted");
  if (diff && /^\+(?!\+\+ )/.test(text)) classes.push("inserted");
  if (diff && /^-(?!-- )/.test(text)) classes.push("deleted");
  const children: ElementContent[] = tokens.map((token) =>
    typeof token === "string" ? { type: "text", value: token } : element("span", { style: token[1] }, [{ type: "text", value: token[0] }]),
  );
  return [element("span", { className: classes }, children), ...(lineBreak ? [{ type: "text" as const, value: "\n" }] : [])];
}

function languageName(id: string): string {
  return bundledLanguagesInfo.find((info) => info.id === id)?.name ?? id;
}

function element(tagName: string, properties: Element["properties"], children: ElementContent[]): Element {
  return { type: "element", tagName, properties, children };
}
