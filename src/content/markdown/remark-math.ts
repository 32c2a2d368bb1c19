import type { Processor } from "unified";
import { mathFromMarkdown, mathSyntax } from "./math-syntax";

/**
 * Math in Markdown, as LoveIt and FixIt write it (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`, and LoveIt's
 * escaped forms; see math-syntax.ts): each formula becomes an `inlineMath` or `math` node holding
 * its TeX, which rehype-katex.server.ts renders once the article's HTML is sanitised.
 */
export default function remarkMath(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(mathSyntax);
  (data.fromMarkdownExtensions ??= []).push(mathFromMarkdown);
}
