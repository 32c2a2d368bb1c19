import type { ShortcodeProps } from "../shortcode";

export const inner = "text";

/**
 * DoIt's `{{< math >}}$$…$$ {{< /math >}}`: TeX kept from Markdown, as written (DoIt renders it with
 * KaTeX in the browser). Folio, which runs no math script, shows the TeX as code.
 */
export default function MathShortcode({ children }: ShortcodeProps) {
  return (
    <pre>
      <code className="language-tex">{typeof children === "string" ? children.trim() : children}</code>
    </pre>
  );
}
