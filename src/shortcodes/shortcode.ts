import type { ReactNode } from "react";
import type { InnerContent } from "../content/markdown/shortcodes";

export type { InnerContent };

/**
 * What a shortcode's component receives. A shortcode is a module in `src/shortcodes/` (the site's
 * own) or `src/shortcodes/built-in/` whose default export is a component taking these props, and
 * which may export `inner` (how it reads the content between its tags; "none" when it has no
 * closing tag, the default). It is rendered once, when the post is parsed, to static HTML.
 */
export interface ShortcodeProps {
  /** Arguments by name (`src="x"`), or by position from "0": Hugo's `.Get "src"` and `.Get 0`. Use `arg` to read either. */
  args: Readonly<Record<string, string>>;
  /** The arguments as written after the name (`Ada, Notes https://example.com/`): Liquid tags read them so. */
  argumentText: string;
  /**
   * The content between the tags: rendered Markdown for `inner = "markdown"` and the HTML as written
   * for `inner = "html"` (place either as any children), the text as written for `inner = "text"`;
   * undefined when the shortcode has none.
   */
  children?: ReactNode;
  /** The post's front matter, as written: Hugo's `.Page.Params`. */
  params: Readonly<Record<string, unknown>>;
  /** A line of Markdown (a caption) as HTML: Hugo's `markdownify`. Place it with `dangerouslySetInnerHTML` (the sanitiser checks the article after). */
  markdownify(markdown: string): string;
  /** Tells the author something about this call (`file:line: warning: …` in the build's output). */
  warn(message: string): void;
}

/**
 * What an island receives: a shortcode in a file named `<name>.island.tsx`, rendered at build time
 * like any other and then run in the reader's browser (hydrated), its code loaded only by the pages
 * that use it. It gets what can travel to the browser: its arguments and its inner content.
 */
export type IslandProps = Pick<ShortcodeProps, "args" | "argumentText" | "children">;

/** A shortcode module, as `src/shortcodes/<name>.tsx` (or `<name>.island.tsx`) exports it. */
export interface ShortcodeModule {
  default: (props: ShortcodeProps) => ReactNode;
  /** How it reads its content ("none" by default), or a function of its arguments that says. */
  inner?: InnerContent | ((args: ShortcodeProps["args"]) => InnerContent);
  /** Also a Liquid tag of Jekyll's or Hexo's (`{% highlight ruby %}`): Liquid's names are their own, and `{% link %}` is not LoveIt's `link`. */
  liquid?: boolean;
}

/** Thrown by a shortcode for an argument it cannot use: the build names the post, the line and this message. */
export class BadArgument extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BadArgument";
  }
}

/**
 * The argument given by `name`, or else at `position` (shortcodes that Hugo themes document both
 * ways, `{{< admonition tip "Title" >}}` and `{{< admonition type=tip title="Title" >}}`).
 */
export function arg(args: ShortcodeProps["args"], name: string, position?: number): string | undefined {
  return args[name] ?? (position === undefined ? undefined : args[String(position)]);
}

/** Hugo's reading of a boolean argument: `true`/`false` in any case; anything else is `fallback`. */
export function booleanArg(value: string | undefined, fallback: boolean): boolean {
  const lower = value?.toLowerCase();
  return lower === "true" ? true : lower === "false" ? false : fallback;
}

/** A shortcode's name, from its module's file: `./built-in/figure.tsx` → "figure", `./quiz.island.tsx` → "quiz". */
export function shortcodeName(file: string): string {
  return file
    .replace(/^.*\//, "")
    .replace(/(\.island)?\.tsx$/, "")
    .toLowerCase();
}

/** Whether a shortcode module's file makes it an island (see IslandProps). */
export const isIslandFile = (file: string) => file.endsWith(".island.tsx");
