import type { ShortcodeProps } from "../shortcode";

export const inner = "text";

/** LoveIt's `{{< mermaid >}}…{{< /mermaid >}}`: the diagram's source, as a ```mermaid code block shows it. */
export default function Mermaid({ children }: ShortcodeProps) {
  return (
    <pre>
      <code className="language-mermaid">{children}</code>
    </pre>
  );
}
