import type { Literal } from "mdast";
import type { CompileContext, Extension as FromMarkdownExtension, Token } from "mdast-util-from-markdown";
import { asciiDigit, markdownLineEnding, markdownLineEndingOrSpace, markdownSpace } from "micromark-util-character";
import { decodeString } from "micromark-util-decode-string";
import type { Code, Construct, Effects, Extension, State } from "micromark-util-types";

/** A formula within a line: `$…$`, `\(…\)`, or display math written inside a paragraph (`$$…$$`, `\[…\]`). */
export interface InlineMath extends Literal {
  type: "inlineMath";
}

/** A formula on lines of its own, from `$$`, `\[` or `\begin{equation}` at the start of a line to its closing delimiter at the end of one. */
export interface Math extends Literal {
  type: "math";
}

declare module "mdast" {
  interface PhrasingContentMap {
    inlineMath: InlineMath;
  }
  interface BlockContentMap {
    math: Math;
  }
  interface RootContentMap {
    inlineMath: InlineMath;
    math: Math;
  }
}

declare module "micromark-util-types" {
  interface TokenTypeMap {
    folioMathText: "folioMathText";
    folioMathFlow: "folioMathFlow";
    folioMathMarker: "folioMathMarker";
    folioMathData: "folioMathData";
  }
}

/** A pair of delimiters and how the TeX between them is read. */
interface Delimiter {
  open: string;
  close: string;
  display: boolean;
  /**
   * LoveIt's forms, written for a Markdown that reads `\(` as `(` and `\_` as `_` (LoveIt's docs tell
   * authors to write `\\(`, `\_`, `\\\\`): the TeX is what Markdown makes of the text, its backslash
   * escapes and entities undone, as the HTML LoveIt's KaTeX script reads.
   */
  escaped: boolean;
  /** The delimiters are TeX themselves (`\begin{align}`): KaTeX gets them with the formula, as LoveIt's script gives them. */
  keep: boolean;
}

/** The environments LoveIt's KaTeX script finds on their own, without `$$` around them. */
const ENVIRONMENTS = ["equation", "equation*", "align", "align*", "alignat", "alignat*", "gather", "gather*", "CD"];

/**
 * Delimiters that start with a backslash, in the order tried. `\(…\)` and `\[…\]` are Hugo's
 * passthrough delimiters (FixIt's configuration and Hugo's documentation): the TeX between them is
 * taken as written, as `$…$` and `$$…$$`'s.
 */
const BACKSLASH_DELIMITERS: readonly Delimiter[] = [
  { open: "\\\\(", close: "\\\\)", display: false, escaped: true, keep: false },
  { open: "\\\\[", close: "\\\\]", display: true, escaped: true, keep: false },
  { open: "\\(", close: "\\)", display: false, escaped: false, keep: false },
  { open: "\\[", close: "\\]", display: true, escaped: false, keep: false },
  ...ENVIRONMENTS.map((name) => ({ open: `\\begin{${name}}`, close: `\\end{${name}}`, display: true, escaped: true, keep: true })),
];

const DOLLAR: Delimiter = { open: "$", close: "$", display: false, escaped: false, keep: false };
const DOLLARS: Delimiter = { open: "$$", close: "$$", display: true, escaped: false, keep: false };
const ALL_DELIMITERS = [DOLLARS, DOLLAR, ...BACKSLASH_DELIMITERS];

const BACKSLASH = 92;
const DOLLAR_SIGN = 36;
const BACKTICK = 96;
const LEFT_BRACE = 123;
const RIGHT_BRACE = 125;

/**
 * The micromark syntax of math, as the Hugo themes that render it read it:
 *
 * - `$…$` (Pandoc's rule, so that prices stay text: the opening `$` is followed by a non-space, the
 *   closing one follows a non-space and is not followed by a digit: `it costs $5, or $10` has none);
 * - `$$…$$`, display math wherever it is;
 * - `\(…\)` and `\[…\]`, Hugo's passthrough delimiters, the TeX as written;
 * - LoveIt's escaped forms `\\(…\\)` and `\\[…\\]`, and its environments on their own
 *   (`\begin{align}…\end{align}`), the TeX as Markdown reads it;
 * - display math on lines of its own: a line that starts with `$$`, `\[`, `\\[` or `\begin{…}`, up to a
 *   line that ends with the closing delimiter, read whole (a `- b` line in it is no list).
 *
 * A delimiter with no closing one is text. Inside a formula a backslash and the character after it
 * are TeX (`\$` closes nothing), and `$` closes only outside braces (`$\text{$x$}$`). Code spans and
 * blocks are code: the syntax is never read inside them.
 */
export const mathSyntax: Extension = {
  flow: {
    [DOLLAR_SIGN]: { name: "folioMathFlow", tokenize: tokenizeMathFlow, concrete: true },
    [BACKSLASH]: { name: "folioMathFlow", tokenize: tokenizeMathFlow, concrete: true },
  },
  text: {
    [DOLLAR_SIGN]: { name: "folioMathText", tokenize: tokenizeMathText },
    [BACKSLASH]: { name: "folioMathText", tokenize: tokenizeMathText },
  },
};

/**
 * Reads the delimiter that starts at `code`, one character at a time: `$` and `$$` by how many
 * dollar signs there are, the others by their text (no one of them begins another).
 */
function openingDelimiter(effects: Effects, candidates: readonly Delimiter[], found: (delimiter: Delimiter) => State, nok: State): State {
  let matched = "";
  const open: State = (code) => {
    if (code === null || code < 0) return nok(code);
    const next = matched + String.fromCharCode(code);
    const remaining = candidates.filter((delimiter) => delimiter.open.startsWith(next));
    if (remaining.length === 0) return nok(code);
    effects.consume(code);
    matched = next;
    if (remaining.length === 1 && remaining[0].open === matched) return found(remaining[0]);
    return open;
  };
  return open;
}

/** `$` or `$$`: two dollar signs are display math, three are nothing. */
function dollars(effects: Effects, found: (delimiter: Delimiter) => State, nok: State): State {
  let size = 0;
  const open: State = (code) => {
    if (code === DOLLAR_SIGN) {
      if (++size > 2) return nok(code);
      effects.consume(code);
      return open;
    }
    return found(size === 2 ? DOLLARS : DOLLAR)(code);
  };
  return open;
}

/** A closing delimiter: its text, then for `$` no digit (`$5 and $10`), and in flow nothing but spaces to the end of the line. */
function closingDelimiter(delimiter: Delimiter, lineEnd: boolean): Construct {
  return {
    partial: true,
    tokenize(effects, ok, nok) {
      let index = 0;
      const close: State = (code) => {
        if (index < delimiter.close.length) {
          if (code !== delimiter.close.charCodeAt(index)) return nok(code);
          effects.consume(code);
          index++;
          return close;
        }
        effects.exit("folioMathMarker");
        if (delimiter === DOLLAR && (asciiDigit(code) || code === DOLLAR_SIGN)) return nok(code);
        return lineEnd ? spaceToLineEnd(code) : ok(code);
      };
      const spaceToLineEnd: State = (code) => {
        if (!markdownSpace(code)) return code === null || markdownLineEnding(code) ? ok(code) : nok(code);
        effects.enter("whitespace");
        return spaces(code);
      };
      const spaces: State = (code) => {
        if (markdownSpace(code)) {
          effects.consume(code);
          return spaces;
        }
        effects.exit("whitespace");
        return code === null || markdownLineEnding(code) ? ok(code) : nok(code);
      };
      return (code) => {
        effects.enter("folioMathMarker");
        return close(code);
      };
    },
  };
}

/** The next line continues the same container (a block quote, a list item): a formula does not run out of it. */
const nonLazyLineEnding: Construct = {
  partial: true,
  tokenize(effects, ok, nok) {
    const lazy = (line: number) => this.parser.lazy[line];
    const now = () => this.now();
    return (code) => {
      effects.enter("lineEnding");
      effects.consume(code);
      effects.exit("lineEnding");
      return (next) => (lazy(now().line) ? nok(next) : ok(next));
    };
  },
};

/** A line of spaces only, or none: a formula on lines of its own does not run across a blank line. */
const blankLine: Construct = {
  partial: true,
  tokenize(effects, ok, nok) {
    const end: State = (code) => (code === null || markdownLineEnding(code) ? ok(code) : nok(code));
    const spaces: State = (code) => {
      if (markdownSpace(code)) {
        effects.consume(code);
        return spaces;
      }
      effects.exit("whitespace");
      return end(code);
    };
    return (code) => {
      if (!markdownSpace(code)) return end(code);
      effects.enter("whitespace");
      return spaces(code);
    };
  },
};

function tokenizeMathText(effects: Effects, ok: State, nok: State): State {
  return tokenizeMath(effects, ok, nok, false);
}

function tokenizeMathFlow(effects: Effects, ok: State, nok: State): State {
  return tokenizeMath(effects, ok, nok, true);
}

/** A formula in running text, or one that starts a line (`flow`: display delimiters only, `$$`, `\[`, `\begin`). */
function tokenizeMath(effects: Effects, ok: State, nok: State, flow: boolean): State {
  const token = flow ? "folioMathFlow" : "folioMathText";
  const opened =
    (delimiter: Delimiter): State =>
    (next) => {
      effects.exit("folioMathMarker");
      if (flow && !delimiter.display) return nok(next);
      // Pandoc's rule: `$` followed by a space or the end of the line opens nothing (`5$ or 6$`).
      if (!flow && delimiter === DOLLAR && (next === null || markdownLineEndingOrSpace(next))) return nok(next);
      const done = (after: Code) => {
        effects.exit(token);
        return ok(after);
      };
      return formula(effects, delimiter, flow, done, nok)(next);
    };
  return (code: Code) => {
    effects.enter(token);
    effects.enter("folioMathMarker");
    return code === DOLLAR_SIGN ? dollars(effects, opened, nok)(code) : openingDelimiter(effects, BACKSLASH_DELIMITERS, opened, nok)(code);
  };
}

/**
 * The TeX after an opening delimiter, up to the closing one. In flow, lines follow one another until
 * one ends with the closing delimiter; a blank line or the end of the container means there was no
 * formula. Chunks of TeX are `folioMathData` tokens, line endings `lineEnding` ones.
 */
function formula(effects: Effects, delimiter: Delimiter, flow: boolean, done: State, nok: State): State {
  const close = closingDelimiter(delimiter, flow);
  let depth = 0;
  let empty = true;
  let afterSpace = false;

  const consume = (code: Code) => {
    effects.consume(code);
    empty = false;
    afterSpace = markdownSpace(code);
    if (code === LEFT_BRACE) depth++;
    else if (code === RIGHT_BRACE && depth > 0) depth--;
  };

  /** Whether the closing delimiter may start here (Pandoc's rule for `$`: after a non-space). */
  const mayClose = (code: Code) =>
    !empty && code === delimiter.close.charCodeAt(0) && (code !== DOLLAR_SIGN || (depth === 0 && (delimiter === DOLLARS || !afterSpace)));

  const between: State = (code) => {
    // A code span binds tighter than `$`: `$5 (`$PATH`)` is a price and code.
    if (code === null || (code === BACKTICK && delimiter === DOLLAR)) return nok(code);
    if (markdownLineEnding(code)) {
      afterSpace = true;
      if (!flow) {
        effects.enter("lineEnding");
        effects.consume(code);
        effects.exit("lineEnding");
        return between;
      }
      return effects.check(nonLazyLineEnding, (next) => lineEnding(next), nok)(code);
    }
    if (mayClose(code)) return effects.attempt(close, done, notClosing)(code);
    effects.enter("folioMathData");
    return data(code);
  };

  const lineEnding: State = (code) => {
    effects.enter("lineEnding");
    effects.consume(code);
    effects.exit("lineEnding");
    return effects.check(blankLine, nok, between);
  };

  const data: State = (code) => {
    if (code === null || markdownLineEnding(code) || mayClose(code) || (code === BACKTICK && delimiter === DOLLAR)) {
      effects.exit("folioMathData");
      return between(code);
    }
    if (code === BACKSLASH) {
      consume(code);
      return escaped;
    }
    consume(code);
    return data;
  };

  /** A backslash and the character after it are TeX (`\$`, `\}`, `\\`): they close nothing and open no brace. */
  const escaped: State = (code) => {
    if (code === null || markdownLineEnding(code)) return data(code);
    effects.consume(code);
    afterSpace = false;
    return data;
  };

  /** What looked like the closing delimiter's start is TeX. */
  const notClosing: State = (code) => {
    effects.enter("folioMathData");
    if (code === BACKSLASH) {
      consume(code);
      return escaped;
    }
    consume(code);
    return data;
  };

  return between;
}

/** The mdast side of mathSyntax: `inlineMath` and `math` nodes holding the TeX, shown as `<span class="math math-inline">` and the like until KaTeX renders them (rehype-katex.server.ts). */
export const mathFromMarkdown: FromMarkdownExtension = {
  enter: {
    folioMathText(token) {
      enterMath.call(this, "inlineMath", token);
    },
    folioMathFlow(token) {
      enterMath.call(this, "math", token);
    },
  },
  exit: {
    folioMathText: exitMath,
    folioMathFlow: exitMath,
    folioMathMarker(token) {
      markers(this).push(this.sliceSerialize(token));
    },
    folioMathData(token) {
      this.config.enter.data.call(this, token);
      this.config.exit.data.call(this, token);
    },
  },
};

/** The delimiters read so far of the formula being compiled. */
function markers(context: CompileContext): string[] {
  const node = context.stack[context.stack.length - 2] as (InlineMath | Math) & { data: { folioMarkers?: string[] } };
  return (node.data.folioMarkers ??= []);
}

function enterMath(this: CompileContext, type: "inlineMath" | "math", token: Token): void {
  this.enter({ type, value: "", data: {} } as InlineMath | Math, token);
  this.buffer();
}

function exitMath(this: CompileContext, token: Token): void {
  const written = this.resume();
  const node = this.stack[this.stack.length - 1] as (InlineMath | Math) & { data: { folioMarkers?: string[] } };
  this.exit(token);
  const [open = "", close = ""] = node.data.folioMarkers ?? [];
  delete node.data.folioMarkers;
  const delimiter = ALL_DELIMITERS.find((each) => each.open === open) ?? DOLLAR;
  const text = delimiter.keep ? open + written + close : written;
  node.value = (delimiter.escaped ? decodeString(text) : text).trim();
  const display = delimiter.display;
  node.data = {
    hName: node.type === "math" ? "div" : "span",
    hProperties: { className: ["math", display ? "math-display" : "math-inline"] },
    hChildren: [{ type: "text", value: node.value }],
  };
}
