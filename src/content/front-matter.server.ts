import frontMatter from "front-matter";
import { ContentError } from "./content-error";

/** Front matter split from a post, with the file line of every top-level key for error messages. */
export interface RawFrontMatter {
  attributes: Record<string, unknown>;
  /** The YAML text of each top-level key's value as written, e.g. `2023-03-20` for `date: 2023-03-20`. */
  rawValues: Map<string, string>;
  /** The 1-based line in the file of each top-level key. */
  keyLines: Map<string, number>;
  /** The 1-based line of the opening `---`. */
  startLine: number;
  body: string;
  /** The 1-based line in the file where the body starts. */
  bodyLine: number;
}

const OPENING = /^---[ \t]*$/;
const TOP_LEVEL_KEY = /^([^\s#:][^:]*?)[ \t]*:(?:[ \t]+(.*))?$/;

/**
 * Splits YAML front matter from a Markdown file with `front-matter`, as Hugo reads it: a BOM,
 * CRLF line endings and blank lines before the opening `---` are accepted. Throws a ContentError
 * with the file line for invalid YAML or a front matter block that never closes.
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
  if (lines[first]?.trim() === "+++") {
    throw new ContentError(
      file,
      startLine,
      "TOML front matter (+++) is not supported: write it as YAML between `---` lines (`hugo convert toYAML` does this)",
    );
  }
  // Only a file whose first non-blank line is exactly `---` has front matter. front-matter itself
  // also accepts a first line that merely contains `---`, and then swallows the text between two
  // later `---` rules; that text must stay in the body.
  if (first === lines.length || !OPENING.test(lines[first])) {
    throw new ContentError(
      file,
      startLine,
      "no front matter: start the file with a `---` line, then YAML such as `title: My post`, then a closing `---`",
    );
  }
  const rest = lines.slice(first).join("\n");
  let parsed: ReturnType<typeof frontMatter<unknown>>;
  try {
    parsed = frontMatter<unknown>(rest);
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
  const keyLines = new Map<string, number>();
  const rawValues = new Map<string, string>();
  const closing = first + parsed.bodyBegin - 2; // index of the closing `---` line
  // js-yaml reads a tab-indented `\tenable: false` under `toc:` as a top-level key: the author's nesting
  // would be lost without a word.
  for (let index = first + 1; index < closing; index++) {
    if (/^ *\t/.test(lines[index])) {
      throw new ContentError(file, index + 1, "a tab indents this line: indent front matter with spaces, as YAML requires");
    }
  }
  for (let index = first + 1; index < closing; index++) {
    const match = TOP_LEVEL_KEY.exec(lines[index]);
    if (!match) continue;
    const key = match[1].replace(/^(["'])(.*)\1$/, "$2");
    if (!keyLines.has(key)) keyLines.set(key, index + 1);
    rawValues.set(key, (match[2] ?? "").replace(/\s+#.*$/, "").trim());
  }
  return {
    attributes: attributes as Record<string, unknown>,
    rawValues,
    keyLines,
    startLine,
    body: parsed.body,
    bodyLine: first + parsed.bodyBegin,
  };
}

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
