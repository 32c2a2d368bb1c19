import postcss, { CssSyntaxError } from "postcss";

/** A problem in a post's `<style>`, at a line counted from the style block's first line. */
export interface CssProblem {
  line: number;
  message: string;
}

/** At-rules a post may use inside its scoped style; others load things from elsewhere or cannot be scoped. */
const ALLOWED_AT_RULES = new Set(["media", "supports", "container", "keyframes", "-webkit-keyframes", "layer"]);

/**
 * Checks a post's `<style>` before it is published. Rejected: CSS that does not parse (an unbalanced
 * `}` would close the `@scope` that keeps the style inside its article), `@import`, `@font-face` and
 * other at-rules that reach outside the post, and `url()` to anything but the post's own files or
 * inline images (an external URL lets a post track its readers). Returns the first problem, if any.
 */
export function checkPostCss(css: string, what = "the <style> block"): CssProblem | undefined {
  let root: postcss.Root;
  try {
    root = postcss.parse(css);
  } catch (error) {
    if (error instanceof CssSyntaxError) {
      return { line: error.line ?? 1, message: `${what} is not valid CSS (${error.reason}): fix it, or remove it` };
    }
    throw error;
  }
  let problem: CssProblem | undefined;
  root.walk((node) => {
    if (problem) return false;
    const line = node.source?.start?.line ?? 1;
    if (node.type === "atrule" && !ALLOWED_AT_RULES.has(node.name.toLowerCase())) {
      problem = {
        line,
        message: `${what} uses @${node.name}, which a post may not use (it reaches outside the post): remove it; ${
          node.name.toLowerCase() === "font-face" ? "use the site's fonts" : "put the rules in the block itself"
        }`,
      };
    }
    if (node.type === "decl") {
      for (const match of node.value.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))\s*\)/gi)) {
        const target = (match[1] ?? match[2] ?? match[3]).trim();
        if (/^(?:[a-z][a-z\d+.-]*:|\/\/)/i.test(target) && !/^data:image\//i.test(target)) {
          problem = {
            line,
            message: `${what} loads ${target}: a post's style may only use its own files (url(chart.png)) or data:image URLs`,
          };
        }
      }
    }
  });
  return problem;
}
