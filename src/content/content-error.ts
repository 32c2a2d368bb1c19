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
