/** Extensions Hugo reads as Markdown: a file with one of them under posts/ is a post. */
export const MARKDOWN_EXTENSIONS = [".md", ".markdown", ".mdown"] as const;

/** What a post's path says about it, as Hugo, Jekyll, Hexo, Zola and Docusaurus read it. */
export interface PostFileName {
  /** The name its URL is made from: the file's, or a page bundle's folder's, without date, language or extension. */
  name: string;
  /** `2021-09-27` from a `2021-09-27-name` (or Zola's `2021-09-27_name`) file or bundle name. */
  date?: string;
  /** `en` from Hugo's `index.en.md` or `name.en.md`. */
  language?: string;
  /** A page bundle's `index.md`, whose folder holds its images. */
  bundle: boolean;
}

const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})[-_](.+)$/;
/** `en`, `fr`, `zh-cn`, `pt-br`, `zh-hans`: the language codes Hugo's file names carry. */
const LANGUAGE = /^[a-z]{2}(?:-[a-z0-9]{2,4})?$/i;

/** Whether a file name is Markdown Folio reads (`.md`, `.markdown`, `.mdown`, in any case). */
export function isMarkdownFile(name: string): boolean {
  const lower = name.toLowerCase();
  return MARKDOWN_EXTENSIONS.some((extension) => lower.endsWith(extension) && lower.length > extension.length);
}

/** Whether a file name is a page bundle's page: `index.md`, or a translation of it such as `index.en.md`. */
export function isBundleIndex(name: string): boolean {
  if (!isMarkdownFile(name)) return false;
  const [stem, language] = splitLanguage(withoutExtension(name));
  return stem === "index" && (language === undefined || LANGUAGE.test(language));
}

/**
 * Reads a post's path (`posts/2021-09-27-hello.en.md`, `posts/hello/index.md`): the name for its
 * URL, the date and language its name carries, and whether it is a page bundle.
 */
export function postFileName(file: string): PostFileName {
  const parts = file.split("/");
  const [stem, language] = splitLanguage(withoutExtension(parts.at(-1)!));
  const bundle = stem === "index" && parts.length > 2;
  const base = bundle ? parts.at(-2)! : stem;
  const dated = DATE_PREFIX.exec(base);
  return { name: dated ? dated[2] : base, ...(dated && { date: dated[1] }), ...(language && { language: language.toLowerCase() }), bundle };
}

/**
 * A title from a file name, as Jekyll makes one for a post without: `my-first-post` becomes
 * "My First Post".
 */
export function titleFromName(name: string): string {
  return name
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word[0].toLocaleUpperCase() + word.slice(1))
    .join(" ");
}

function withoutExtension(name: string): string {
  const lower = name.toLowerCase();
  const extension = MARKDOWN_EXTENSIONS.find((candidate) => lower.endsWith(candidate));
  return extension ? name.slice(0, -extension.length) : name;
}

/** `hello.en` → [`hello`, `en`]; a last part that is no language code stays in the name (`v1.2`). */
function splitLanguage(stem: string): [string, string | undefined] {
  const dot = stem.lastIndexOf(".");
  if (dot <= 0 || !LANGUAGE.test(stem.slice(dot + 1))) return [stem, undefined];
  return [stem.slice(0, dot), stem.slice(dot + 1)];
}
