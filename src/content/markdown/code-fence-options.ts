/**
 * What an author writes after a code fence's language, read the way each generator that readers
 * come from reads it, so a post written for any of them shows the same block:
 *
 * - Hugo: ```` ```go {linenos=table,hl_lines=[8,"15-17"],linenostart=199} ````, and the highlight
 *   shortcode's `"linenos=table,hl_lines=8 15-17"` (given here in braces);
 * - Docusaurus and Astro: ```` ```js {1,3-5} title="app.js" showLineNumbers ```` (`showLineNumbers=5`
 *   starts at 5);
 * - Hexo: ```` ```diff package.json ````, a bare word being the block's title.
 *
 * Lines to highlight count from the block's first line, whatever number it shows (Hugo: "independent
 * of linenostart"; Docusaurus the same). Options no generator defines are ignored.
 */
export interface FenceOptions {
  /** The block's title, usually its file name. */
  title?: string;
  /** The number the block's first line shows; undefined when lines are not numbered. */
  firstLineNumber?: number;
  /** The lines to highlight, 1 being the block's first line (rehype-highlight adds Docusaurus's magic comments' lines). */
  highlightedLines: Set<number>;
}

export function fenceOptions(meta: string | undefined): FenceOptions {
  const options: { title?: string; lineNumbers?: boolean; start?: number; highlighted: Set<number> } = { highlighted: new Set() };
  const bareWords: string[] = [];
  for (const part of splitOutside(meta ?? "", /\s/)) {
    if (part.startsWith("{") && part.endsWith("}")) {
      readBraces(part.slice(1, -1), options);
      continue;
    }
    const pair = keyValue(part);
    if (pair) applyOption(pair[0], pair[1], options);
    else if (/^(showlinenumbers|linenos)$/i.test(part)) options.lineNumbers = true;
    else if (!/^https?:\/\//.test(part)) bareWords.push(unquote(part));
  }
  const title = options.title ?? (bareWords.length > 0 ? bareWords.join(" ") : undefined);
  return {
    ...(title ? { title } : {}),
    ...(options.lineNumbers ? { firstLineNumber: options.start ?? 1 } : {}),
    highlightedLines: options.highlighted,
  };
}

type Options = { title?: string; lineNumbers?: boolean; start?: number; highlighted: Set<number> };

/** `{1,3-5}` (Docusaurus) or `{linenos=table,hl_lines=[8,"15-17"]}` (Hugo). */
function readBraces(inside: string, options: Options): void {
  if (/^[\d\s,-]*$/.test(inside)) {
    addLines(inside, options.highlighted);
    return;
  }
  let lastKey = "";
  for (const part of splitOutside(inside, /[,\s]/)) {
    const pair = keyValue(part);
    if (pair) applyOption((lastKey = pair[0]), pair[1], options);
    // The highlight shortcode's `hl_lines=8 15-17`: the ranges after the first are parts of their own.
    else if (/^hl_lines$/i.test(lastKey) && /^\d+(-\d+)?$/.test(part)) addLines(part, options.highlighted);
    else if (/^linenos$/i.test(part)) options.lineNumbers = true; // Jekyll's `{% highlight ruby linenos %}`
  }
}

function applyOption(key: string, value: string, options: Options): void {
  switch (key.toLowerCase()) {
    case "title":
      options.title = value;
      break;
    case "linenos":
      options.lineNumbers = value !== "false";
      break;
    case "linenostart":
    case "startlinenumber":
      options.start = wholeNumber(value) ?? options.start;
      break;
    case "showlinenumbers":
      options.lineNumbers = true;
      options.start = wholeNumber(value) ?? options.start;
      break;
    case "hl_lines":
    case "highlight":
      addLines(value, options.highlighted);
      break;
  }
}

/** Adds `8 15-17`, `[8,"15-17"]` or `1,3-5` to `lines` (at most 10,000 lines a range: a block is never longer). */
function addLines(list: string, lines: Set<number>): void {
  for (const item of list.replace(/[[\]"']/g, " ").split(/[\s,]+/)) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(item);
    if (!range) continue;
    const from = Number(range[1]);
    const to = Math.min(Number(range[2] ?? range[1]), from + 10_000);
    for (let line = from; line <= to; line++) lines.add(line);
  }
}

function wholeNumber(value: string): number | undefined {
  return /^\d+$/.test(value) ? Number(value) : undefined;
}

/** `key=value` with the value unquoted, or undefined for a bare word. */
function keyValue(part: string): [string, string] | undefined {
  const match = /^([A-Za-z_][\w-]*)=(.*)$/s.exec(part);
  return match ? [match[1], unquote(match[2])] : undefined;
}

function unquote(value: string): string {
  return /^(["']).*\1$/s.test(value) ? value.slice(1, -1) : value;
}

/** `text` split at `separator`s that are outside quotes, brackets and braces; empty parts dropped. */
function splitOutside(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let current = "";
  let quote = "";
  let depth = 0;
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = "";
    } else if (char === '"' || char === "'") quote = char;
    else if (char === "{" || char === "[") depth++;
    else if ((char === "}" || char === "]") && depth > 0) depth--;
    else if (depth === 0 && separator.test(char)) {
      if (current) parts.push(current);
      current = "";
      continue;
    }
    current += char;
  }
  if (current) parts.push(current);
  return parts;
}
