import type { ShortcodeProps } from "../shortcode";

export const inner = "text";

/**
 * DoIt's `{{< math >}}$$…$$ {{< /math >}}`: TeX kept from Markdown, its delimiters in it (`$…$`,
 * `$$…$$`, `\(…\)`, `\[…\]`), rendered as the post's other math is, at build time. TeX without
 * delimiters is one formula: display math when it runs over several lines, else inline.
 */
export default function MathShortcode({ children, markdownify }: ShortcodeProps) {
  const tex = typeof children === "string" ? children.trim() : "";
  const block = tex.includes("\n");
  const html = markdownify(tex);
  const Wrapper = block ? "div" : "span";
  if (/class="math math-/.test(html)) return <Wrapper dangerouslySetInnerHTML={{ __html: html }} />;
  return <Wrapper className={`math ${block ? "math-display" : "math-inline"}`}>{tex}</Wrapper>;
}
