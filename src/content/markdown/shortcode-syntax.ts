/**
 * Hugo's shortcode syntax, read as Hugo reads it: `{{< name args >}}` (its output is HTML) and
 * `{{% name args %}}` (its inner content is Markdown), self-closing (`{{< name />}}`) or paired with
 * a closing tag (`{{< /name >}}`), with named (`src="x"`) or positional arguments, quoted ("…" with
 * `\"` escapes), raw (`…`) or bare, nested in each other's inner content. Hugo's escape,
 * a comment inside the delimiters (`{{</*` name `*` `/>}}`), reads as the text `{{< name >}}`,
 * shortcode unexpanded.
 *
 * Like Hugo, shortcodes are read everywhere in the text, code blocks included (which is why the
 * escape exists). Whether a shortcode is paired is decided by what follows it: a closing tag of the
 * same name, at the same depth, closes the nearest opening one.
 */

/** One shortcode call, with the text between its tags read into its own nodes. */
export interface ShortcodeCall {
  type: "shortcode";
  name: string;
  /** `%` for `{{% … %}}` (inner content is Markdown), `<` for `{{< … >}}`, `liquid` for Jekyll's and Hexo's `{% … %}`. */
  delimiter: Delimiter;
  /** The arguments as written, after the name (Liquid tags read them so: `{% blockquote Ada, Notes %}`). */
  argumentText: string;
  /** Arguments by name, or by position from "0": Hugo's `.Get "src"` and `.Get 0`. */
  args: Record<string, string>;
  /** Whether the arguments were given by position. */
  positional: boolean;
  /** The 1-based line of the opening tag in the text. */
  line: number;
  /** Set for a paired shortcode: the text between its tags as written, and as nodes. */
  inner?: { source: string; nodes: ShortcodeNode[] };
  /** Written `{{< name />}}`: closed on the spot, never paired with a later closing tag. */
  selfClosed: boolean;
}

/** How a tag is written: Hugo's two forms, or a Liquid tag. */
export type Delimiter = "%" | "<" | "liquid";

/** The closing tag of a call, as its author would write it: `{{< /name >}}`, `{{% /name %}}`, `{% endname %}`. */
export function closingTag({ name, delimiter }: { name: string; delimiter: Delimiter }): string {
  return delimiter === "liquid" ? `{% end${name} %}` : `{{${delimiter} /${name} ${delimiter === "<" ? ">" : "%"}}}`;
}

/** Text shown as it is written: an escaped shortcode reads as the shortcode's text, `{{< x >}}`. */
export interface LiteralText {
  type: "literal";
  value: string;
}

/** Text, a shortcode, or an escaped shortcode's literal text. */
export type ShortcodeNode = string | ShortcodeCall | LiteralText;

/** A problem with a shortcode (its syntax, its arguments), at a 1-based line of the text. */
export class ShortcodeError extends Error {
  constructor(
    readonly line: number,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "ShortcodeError";
  }
}

/** A tag as it was found, before tags are paired. */
type Tag =
  | { kind: "open"; call: ShortcodeCall; start: number; end: number }
  | { kind: "close"; name: string; delimiter: Delimiter; line: number; start: number; end: number }
  | { kind: "literal"; value: string; start: number; end: number }
  /** Text that stays Markdown, with no tag read in it: `{% raw %}`'s content. */
  | { kind: "verbatim"; value: string; start: number; end: number };

const OPENING = /\{\{([<%])/g;

/** Options for parseShortcodes. */
export interface SyntaxOptions {
  /**
   * Also read Liquid tags, as Jekyll and Hexo do: `{% name args %}`, paired with `{% endname %}`;
   * `{% raw %}…{% endraw %}` is its content as written. Off by default: in a Hugo post, `{% … %}` is text.
   */
  liquid?: boolean;
}

/** The text as nodes: text, shortcodes (each with its inner nodes) and escapes. Throws a ShortcodeError. */
export function parseShortcodes(text: string, { liquid = false }: SyntaxOptions = {}): ShortcodeNode[] {
  if (!hasShortcodes(text, { liquid })) return text === "" ? [] : [text];
  const tags = findTags(text, liquid);
  const closedBy = pairTags(tags);
  return nodesBetween(text, tags, closedBy, 0, text.length, 0, tags.length);
}

/** Whether the text has anything `parseShortcodes` would read as a shortcode or an escape. */
export function hasShortcodes(text: string, { liquid = false }: SyntaxOptions = {}): boolean {
  return text.includes("{{<") || text.includes("{{%") || (liquid && text.includes("{%"));
}

function findTags(text: string, liquid: boolean): Tag[] {
  const tags: Tag[] = [];
  const lines = lineCounter(text);
  const opening = liquid ? LIQUID_OR_HUGO : OPENING;
  opening.lastIndex = 0;
  for (let match = opening.exec(text); match; match = opening.exec(text)) {
    const start = match.index;
    const line = lines(start);
    if (match[0] === "{%") {
      const tag = liquidTag(text, start, line);
      tags.push(tag);
      opening.lastIndex = tag.end;
      continue;
    }
    const delimiter = match[1] as "%" | "<";
    const closing = delimiter === "<" ? ">}}" : "%}}";
    const end = tagEnd(text, start + 3, closing);
    if (end < 0) throw new ShortcodeError(line, `\`{{${delimiter}\` is never closed by \`${closing}\`: end the shortcode with ${closing}`);
    const body = text.slice(start + 3, end - 3).trim();
    opening.lastIndex = end;
    if (body.startsWith("/*")) {
      // Hugo's escape: {{</* figure src="x" */>}} is the text {{< figure src="x" >}}.
      if (!body.endsWith("*/")) throw new ShortcodeError(line, `an escaped shortcode \`{{${delimiter}/*\` must end with \`*/${closing}\``);
      tags.push({ kind: "literal", value: `{{${delimiter}${body.slice(2, -2)}${closing}`, start, end });
      continue;
    }
    if (body.startsWith("/")) {
      const name = body.slice(1).trim();
      if (!/^[\w.-]+(?:\/[\w.-]+)*$/.test(name))
        throw new ShortcodeError(line, `\`{{${delimiter} ${body} ${closing}\` is not a closing tag: write {{${delimiter} /name ${closing}`);
      tags.push({ kind: "close", name, delimiter, line, start, end });
      continue;
    }
    const selfClosed = body.endsWith("/");
    const [name = "", ...words] = splitArguments(selfClosed ? body.slice(0, -1) : body, line);
    if (!/^[\w.-]+(?:\/[\w.-]+)*$/.test(name))
      throw new ShortcodeError(
        line,
        `\`{{${delimiter} ${body} ${closing}\` names no shortcode: write {{${delimiter} name arguments ${closing}`,
      );
    const { args, positional } = readArguments(name, words, line);
    const argumentText = (selfClosed ? body.slice(0, -1) : body).slice(body.indexOf(name) + name.length).trim();
    tags.push({ kind: "open", call: { type: "shortcode", name, delimiter, args, positional, argumentText, line, selfClosed }, start, end });
  }
  return tags;
}

const LIQUID_OR_HUGO = /\{\{([<%])|\{%/g;
const LIQUID_NAME = /^[A-Za-z_][\w-]*$/;

/**
 * The Liquid tag at `start` (`{%` or `{%-`, up to `%}` or `-%}`): `{% raw %}` with its content up to
 * `{% endraw %}` as Markdown in which no tag is read (Folio reads no `{{ variable }}`, which is what
 * `raw` keeps from Jekyll; a code block is often wrapped in it whole), a closing `{% endname %}`, or an opening tag whose arguments are its words
 * (by position: Liquid has no `name=value` of Hugo's kind).
 */
function liquidTag(text: string, start: number, line: number): Tag {
  const close = text.indexOf("%}", start + 2);
  if (close < 0) throw new ShortcodeError(line, '`{%` is never closed by `%}`: end the tag with %}, or write `{{ "{%" }}` for the text');
  const end = close + 2;
  const body = text
    .slice(start + 2, close)
    .replace(/^-/, "")
    .replace(/-$/, "")
    .trim();
  const [name = ""] = body.split(/\s+/, 1);
  if (!LIQUID_NAME.test(name)) throw new ShortcodeError(line, `\`{% ${body} %}\` names no tag: write {% name arguments %}`);
  if (name === "raw") {
    const endRaw = /\{%-?\s*endraw\s*-?%\}/g;
    endRaw.lastIndex = end;
    const closing = endRaw.exec(text);
    if (!closing) throw new ShortcodeError(line, "`{% raw %}` is never closed: end the text it keeps as written with {% endraw %}");
    return { kind: "verbatim", value: text.slice(end, closing.index), start, end: closing.index + closing[0].length };
  }
  if (name.startsWith("end") && name.length > 3) return { kind: "close", name: name.slice(3), delimiter: "liquid", line, start, end };
  const argumentText = body.slice(name.length).trim();
  const words = argumentText ? splitArguments(argumentText, line).map(unquote) : [];
  const args = Object.fromEntries(words.map((word, index) => [String(index), word]));
  return {
    kind: "open",
    call: { type: "shortcode", name, delimiter: "liquid", args, positional: true, argumentText, line, selfClosed: false },
    start,
    end,
  };
}

/** The index just after `closing`, skipping quoted and raw strings; -1 when there is none. */
function tagEnd(text: string, from: number, closing: string): number {
  let quote: string | undefined;
  for (let index = from; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === "\\" && quote === '"') index++;
      else if (char === quote) quote = undefined;
      else if (char === "\n" && quote === '"') return -1;
    } else if (char === '"' || char === "`") quote = char;
    else if (text.startsWith(closing, index)) return index + closing.length;
    else if (text.startsWith("{{", index) && (text[index + 2] === "<" || text[index + 2] === "%")) return -1;
  }
  return -1;
}

/** Words separated by spaces; a quoted ("…") or raw (`…`) string is one word, also after `name=`. */
function splitArguments(body: string, line: number): string[] {
  const words: string[] = [];
  const word = /\s*((?:[\w.-]+=)?(?:"(?:[^"\\]|\\.)*"|`[^`]*`|[^\s"`]+))/y;
  let index = 0;
  while (index < body.length) {
    if (/^\s*$/.test(body.slice(index))) break;
    word.lastIndex = index;
    const match = word.exec(body);
    if (!match) throw new ShortcodeError(line, `cannot read the arguments \`${body.slice(index).trim()}\`: close each quote`);
    words.push(match[1]);
    index = word.lastIndex;
  }
  return words;
}

function readArguments(name: string, words: string[], line: number): { args: Record<string, string>; positional: boolean } {
  const args: Record<string, string> = {};
  const named = words.map((word) => /^([\w.-]+)=(.*)$/s.exec(word));
  const positional = named.every((match) => !match);
  if (!positional && named.some((match) => !match))
    throw new ShortcodeError(
      line,
      `shortcode \`${name}\` mixes named and positional arguments (\`${words.join(" ")}\`), which Hugo does not allow: name them all (key="value")`,
    );
  words.forEach((word, index) => {
    const match = named[index];
    if (match) args[match[1]] = unquote(match[2]);
    else args[String(index)] = unquote(word);
  });
  return { args, positional };
}

function unquote(value: string): string {
  if (value.startsWith("`")) return value.slice(1, -1);
  if (value.startsWith('"')) return value.slice(1, -1).replace(/\\(.)/g, "$1");
  return value;
}

/** For each opening tag's index, the index of the closing tag that closes it. Throws for a closing tag nothing opened. */
function pairTags(tags: Tag[]): Map<number, number> {
  const closedBy = new Map<number, number>();
  const open: number[] = [];
  tags.forEach((tag, index) => {
    if (tag.kind === "open" && !tag.call.selfClosed) open.push(index);
    if (tag.kind !== "close") return;
    const opener = open.findLastIndex((at) => (tags[at] as Extract<Tag, { kind: "open" }>).call.name === tag.name);
    if (opener < 0)
      throw new ShortcodeError(
        tag.line,
        `\`${closingTag(tag)}\` closes no \`${tag.name}\` ${tag.delimiter === "liquid" ? "tag" : "shortcode"}: remove it, or open one before it`,
      );
    // Openings after the one it closes are not paired: they close on the spot.
    closedBy.set(open[opener], index);
    open.length = opener;
  });
  return closedBy;
}

function nodesBetween(
  text: string,
  tags: Tag[],
  closedBy: Map<number, number>,
  from: number,
  to: number,
  firstTag: number,
  endTag: number,
): ShortcodeNode[] {
  const nodes: ShortcodeNode[] = [];
  let position = from;
  for (let index = firstTag; index < endTag; index++) {
    const tag = tags[index];
    if (tag.start > position) nodes.push(text.slice(position, tag.start));
    if (tag.kind === "literal") nodes.push({ type: "literal", value: tag.value });
    if (tag.kind === "verbatim") nodes.push(tag.value);
    position = tag.end;
    if (tag.kind !== "open") continue;
    const closer = closedBy.get(index);
    if (closer === undefined) {
      nodes.push(tag.call);
      continue;
    }
    const close = tags[closer];
    nodes.push({
      ...tag.call,
      inner: {
        source: text.slice(tag.end, close.start),
        nodes: nodesBetween(text, tags, closedBy, tag.end, close.start, index + 1, closer),
      },
    });
    position = close.end;
    index = closer;
  }
  if (to > position) nodes.push(text.slice(position, to));
  return nodes;
}

/** The 1-based line of an index in `text`, for indexes asked in increasing order. */
function lineCounter(text: string): (index: number) => number {
  let line = 1;
  let counted = 0;
  return (index) => {
    for (; counted < index; counted++) if (text.charCodeAt(counted) === 10) line++;
    return line;
  };
}
