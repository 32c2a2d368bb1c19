import type { ShortcodeProps } from "../shortcode";
import { CodeBlock } from "./parts/code-block";

export const inner = "text";

/**
 * DoIt's `{{< math >}}$$…$$ {{< /math >}}`: TeX kept from Markdown, as written (DoIt renders it with
 * KaTeX in the browser). Folio, which runs no math script, shows the TeX as code.
 */
export default function MathShortcode({ children }: ShortcodeProps) {
  return <CodeBlock language="tex">{typeof children === "string" ? children.trim() : children}</CodeBlock>;
}
