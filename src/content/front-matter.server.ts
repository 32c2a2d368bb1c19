import frontMatter from "front-matter";
import { parse as parseToml, TomlError } from "smol-toml";
import { ContentError } from "./content-error";

/** How a post's front matter is written, as Hugo tells them apart (plus Hexo's block without an opening line). */
export type FrontMatterFormat = "yaml" | "toml" | "json" | "yaml-without-opening" | "none";

/** Front matter split from a post, with the file line of every top-level key for error messages. */
export interface RawFrontMatter {
  format: FrontMatterFormat;
  /** Top-level keys as written (`Title`, `title`), with their values. */
  attributes: Record<string, unknown>;
  /** The text of each top-level key's value as written, e.g. `2023-03-20` for `date: 2023-03-20`. */
  rawValues: Map<string, string>;
  /** The 1-based line in the file of each top-level key. */
  keyLines: Map<string, number>;
  /** The 1-based line where the front matter starts (the first line of a file without any). */
  startLine: number;
  body: string;
  /** The 1-based line in the file where the body starts. */
  bodyLine: number;
}

const YAML_FENCE = /^---[ \t]*$/;
const TOML_FENCE = /^\+\+\+[ \t]*$/;
const YAML_KEY = /^([^\s#:][^:]*?)[ \t]*:(?:[ \t]+(.*))?$/;
const TOML_KEY = /^[ \t]*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)(?:\.[^=]*)?[ \t]*=[ \t]*(.*)$/;
/** Keys that make a leading `key: value` block front matter even without an opening `---` (Hexo writes it so). */
const HEXO_KEYS = new Set(["title", "date"]);

/**
 * Splits front matter from a Markdown file as Hugo reads it: YAML between `---` lines (with
 * `front-matter`), TOML between `+++` lines (with smol-toml), or a JSON object at the top. Hexo's
 * YAML block that only closes with `---` is read too, when it names a title or date. A BOM, CRLF
 * line endings and blank lines before the front matter are accepted; a file may have none. Throws a
 * ContentError with the file line for front matter that does not parse or never closes.
 */
export function readFrontMatter(file: string, source: string): RawFrontMatter {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lines = text.split("\n");
  let first = 0;
  while (first < lines.length && lines[first].trim() === "") first++;
  const startLine = Math.min(first, lines.length - 1) + 1;
  // Vite reads posts as UTF-8 and replaces bytes that are not with U+FFFD: say where, not garble silently.
  const replaced = lines.findIndex((line) => line.includes("\uFFFD"));
  if (replaced !== -1) {
    throw new ContentError(file, replaced + 1, "the file is not valid UTF-8 (a byte on this line cannot be read): save it as UTF-8");
  }
  const opening = lines[first] ?? "";
  if (YAML_FENCE.test(opening)) return readYaml(file, lines, first, "yaml");
  if (TOML_FENCE.test(opening)) return readToml(file, lines, first);
  if (opening.startsWith("{")) return readJson(file, lines, first);
  const hexo = hexoBlockEnd(lines, first);
  if (hexo !== undefined) {
    // Read as if the block opened with `---` on the line before it; every line after that is one less.
    const withOpening = [...lines.slice(0, first), "---", ...lines.slice(first)];
    try {
      const parsed = readYaml(file, withOpening, first, "yaml-without-opening");
      return { ...parsed, ...shiftLines(parsed, -1), startLine };
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      throw new ContentError(file, Math.max(startLine, error.line - 1), error.detail, { cause: error.cause });
    }
  }
  return { format: "none", attributes: {}, rawValues: new Map(), keyLines: new Map(), startLine, body: text, bodyLine: 1 };
}

/** YAML between `---` lines (the closing one may be `...`), from `lines[first]`, the opening line. */
function readYaml(file: string, lines: readonly string[], first: number, format: "yaml" | "yaml-without-opening"): RawFrontMatter {
  const startLine = first + 1;
  // front-matter also accepts a first line that merely contains `---`, and then swallows the text
  // between two later `---` rules: it is only handed a block that opens on a line of its own.
  let parsed: ReturnType<typeof frontMatter<unknown>>;
  try {
    parsed = frontMatter<unknown>(lines.slice(first).join("\n"));
  } catch (error) {
    throw yamlError(file, lines, first, error);
  }
  if (parsed.frontmatter === undefined) {
    throw new ContentError(file, startLine, "the front matter opened here never closes: add a `---` line after the last key");
  }
  const attributes = parsed.attributes ?? {};
  if (typeof attributes !== "object" || Array.isArray(attributes)) {
    throw new ContentError(file, startLine + 1, "front matter must be `key: value` lines, got a single value");
  }
  const closing = first + parsed.bodyBegin - 2; // index of the closing `---` line
  // js-yaml reads a tab-indented `\tenable: false` under `toc:` as a top-level key: the author's nesting
  // would be lost without a word.
  for (let index = first + 1; index < closing; index++) {
    if (/^ *\t/.test(lines[index])) {
      throw new ContentError(file, index + 1, "a tab indents this line: indent front matter with spaces, as YAML requires");
    }
  }
  const { keyLines, rawValues } = keyPositions(lines, first + 1, closing, YAML_KEY);
  return {
    format,
    attributes: attributes as Record<string, unknown>,
    rawValues,
    keyLines,
    startLine,
    body: parsed.body,
    bodyLine: first + parsed.bodyBegin,
  };
}

/** TOML between `+++` lines, Hugo's other front matter; `[extra]`-style tables become keys holding tables. */
function readToml(file: string, lines: readonly string[], first: number): RawFrontMatter {
  const closing = lines.findIndex((line, index) => index > first && TOML_FENCE.test(line));
  if (closing === -1)
    throw new ContentError(file, first + 1, "the TOML front matter opened here never closes: add a `+++` line after the last key");
  let attributes: Record<string, unknown>;
  try {
    attributes = parseToml(lines.slice(first + 1, closing).join("\n"));
  } catch (error) {
    const line = error instanceof TomlError ? first + 1 + error.line : first + 1;
    const reason = error instanceof Error ? error.message.split("\n")[0].replace(/^Invalid TOML document: /, "") : String(error);
    throw new ContentError(file, line, `invalid TOML in front matter (${reason}): check the quotes, brackets and \`key = value\` syntax`, {
      cause: error,
    });
  }
  // Keys before the first [table] are top-level; each table is a top-level key too.
  const tableAt = lines.findIndex((line, index) => index > first && index < closing && /^\s*\[/.test(line));
  const end = tableAt === -1 ? closing : tableAt;
  const { keyLines, rawValues } = keyPositions(lines, first + 1, end, TOML_KEY);
  for (let index = end; index < closing; index++) {
    const table = /^\s*\[\[?\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)/.exec(lines[index]);
    const key = table && unquote(table[1]);
    if (key && !keyLines.has(key)) keyLines.set(key, index + 1);
  }
  return {
    format: "toml",
    attributes,
    rawValues,
    keyLines,
    startLine: first + 1,
    body: lines.slice(closing + 1).join("\n"),
    bodyLine: closing + 2,
  };
}

/** A JSON object at the top of the file, as Hugo reads it; the body starts on the line after its closing brace. */
function readJson(file: string, lines: readonly string[], first: number): RawFrontMatter {
  const text = lines.slice(first).join("\n");
  const end = jsonObjectEnd(text);
  if (end === undefined)
    throw new ContentError(file, first + 1, "the JSON front matter opened here never closes: end the object with `}` on a line of its own");
  let attributes: unknown;
  try {
    attributes = JSON.parse(text.slice(0, end + 1));
  } catch (error) {
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : "");
    const line = first + 1 + (position ? text.slice(0, Number(position[1])).split("\n").length - 1 : 0);
    throw new ContentError(
      file,
      line,
      `invalid JSON in front matter (${error instanceof Error ? error.message : String(error)}): check the quotes and commas`,
      {
        cause: error,
      },
    );
  }
  const closing = first + text.slice(0, end).split("\n").length - 1;
  const keyLines = new Map<string, number>();
  const rawValues = new Map<string, string>();
  for (const [key, value] of Object.entries(attributes as Record<string, unknown>)) {
    if (typeof value === "string" || typeof value === "number") rawValues.set(key, String(value));
  }
  for (let index = first; index <= closing; index++) {
    for (const match of lines[index].matchAll(/"((?:[^"\\]|\\.)*)"\s*:/g)) {
      const key = JSON.parse(`"${match[1]}"`) as string;
      if (Object.hasOwn(attributes as object, key) && !keyLines.has(key)) keyLines.set(key, index + 1);
    }
  }
  return {
    format: "json",
    attributes: attributes as Record<string, unknown>,
    rawValues,
    keyLines,
    startLine: first + 1,
    body: lines.slice(closing + 1).join("\n"),
    bodyLine: closing + 2,
  };
}

/** Where the `{` at the start of `text` is closed, strings and nesting considered. */
function jsonObjectEnd(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === "\\") index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{" || char === "[") depth++;
    else if ((char === "}" || char === "]") && --depth === 0) return index;
  }
  return undefined;
}

/**
 * Hexo's front matter may leave out the opening `---`: the file starts with `title: …` and the block
 * ends at the first `---` line. The closing line's index, when the lines before it are `key: value`
 * lines naming a title or a date; a post that merely starts with "Note: …" and has a rule later stays text.
 */
function hexoBlockEnd(lines: readonly string[], first: number): number | undefined {
  const closing = lines.findIndex((line, index) => index > first && YAML_FENCE.test(line));
  if (closing === -1 || !YAML_KEY.test(lines[first])) return undefined;
  const keys = lines.slice(first, closing).flatMap((line) => YAML_KEY.exec(line)?.[1].toLowerCase() ?? []);
  return keys.some((key) => HEXO_KEYS.has(key)) ? closing : undefined;
}

/** The line of each top-level `key: value` (or `key = value`) between two lines, and its value as written. */
function keyPositions(lines: readonly string[], from: number, to: number, pattern: RegExp) {
  const keyLines = new Map<string, number>();
  const rawValues = new Map<string, string>();
  for (let index = from; index < to; index++) {
    const match = pattern.exec(lines[index]);
    if (!match) continue;
    const key = unquote(match[1]);
    if (!keyLines.has(key)) keyLines.set(key, index + 1);
    rawValues.set(key, (match[2] ?? "").replace(/\s+#.*$/, "").trim());
  }
  return { keyLines, rawValues };
}

function shiftLines(parsed: RawFrontMatter, by: number): Pick<RawFrontMatter, "keyLines" | "bodyLine"> {
  return { keyLines: new Map([...parsed.keyLines].map(([key, line]) => [key, line + by])), bodyLine: parsed.bodyLine + by };
}

const unquote = (key: string) => key.replace(/^(["'])(.*)\1$/, "$2");

interface YamlException {
  reason?: string;
  mark?: { line: number };
}

function yamlError(file: string, lines: readonly string[], first: number, error: unknown): ContentError {
  const yamlError = error as YamlException;
  // front-matter trims the YAML before parsing, so js-yaml counts lines from the first non-blank one.
  let yamlStart = first + 1;
  while (yamlStart < lines.length && lines[yamlStart].trim() === "") yamlStart++;
  let line = yamlStart + 1 + (yamlError.mark?.line ?? 0);
  const reason = yamlError.reason ?? (error instanceof Error ? error.message : String(error));
  if (/quoted scalar/.test(reason)) {
    // js-yaml reports an unclosed quote where the text runs out; point at the line that opened it.
    const opened = lines.findIndex((text, index) => index > first && index < line && /:\s*(["'])(?:(?!\1).)*$/.test(text));
    if (opened !== -1) line = opened + 1;
  }
  return new ContentError(
    file,
    line,
    `invalid YAML in front matter (${reason}): check the indentation and quote values that contain \`: \`, \`#\` or start with \`[\`, \`{\`, \`*\` or \`&\``,
    { cause: error },
  );
}
