/** A problem in a post that an author must fix; its message reads `posts/<file>:<line>: what is wrong and how to fix it`. */
export class ContentError extends Error {
  readonly file: string;
  readonly line: number;
  /** What is wrong and how to fix it, without the file and line. */
  readonly detail: string;

  constructor(file: string, line: number, detail: string, options?: ErrorOptions) {
    super(`${file}:${line}: ${detail}`, options);
    this.name = "ContentError";
    this.file = file;
    this.line = line;
    this.detail = detail;
  }
}

/** Several content errors reported together, so an author fixes every post in one pass. */
export class ContentErrors extends Error {
  readonly errors: readonly ContentError[];

  constructor(errors: readonly ContentError[]) {
    const count = errors.length === 1 ? "1 post has a problem" : `${errors.length} problems in posts`;
    super(`${count}:\n${errors.map((error) => `  ${error.message}`).join("\n")}`);
    this.name = "ContentErrors";
    this.errors = errors;
  }
}

/**
 * A post that cannot be shown, as the dev server shows it (its page, and a notice on every page):
 * where (its file, the line, the URL it would have), what is wrong and how to fix it, and the lines of
 * the file around the problem.
 */
export interface PostProblem {
  file: string;
  line: number;
  detail: string;
  /** The post's URL as its file name gives it (`posts/trip/index.md` → `/posts/trip/`): its front matter may be what is broken. */
  url: string;
  /** The lines around the problem, each with its number. */
  excerpt: { line: number; text: string }[];
}

/** An error as a PostProblem: `url` is where the post would be, `source` its file's text. */
export function postProblem(error: ContentError, url: string, source: string): PostProblem {
  const lines = source.split(/\r?\n/);
  const first = Math.max(1, error.line - 2);
  const last = Math.min(lines.length, error.line + 2);
  const excerpt = lines.slice(first - 1, last).map((text, index) => ({ line: first + index, text }));
  return { file: error.file, line: error.line, detail: error.detail, url, excerpt };
}
