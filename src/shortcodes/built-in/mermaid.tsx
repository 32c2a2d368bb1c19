import type { ShortcodeProps } from "../shortcode";
import { CodeBlock } from "./parts/code-block";

export const inner = "text";

/** LoveIt's `{{< mermaid >}}…{{< /mermaid >}}`: the diagram's source, as a ```mermaid code block shows it. */
export default function Mermaid({ children }: ShortcodeProps) {
  return <CodeBlock language="mermaid">{children}</CodeBlock>;
}
