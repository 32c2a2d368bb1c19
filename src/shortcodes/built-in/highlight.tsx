import { arg, type ShortcodeProps } from "../shortcode";
import { CodeBlock } from "./parts/code-block";

export const inner = "text";
export const liquid = true;

/**
 * Hugo's `{{< highlight go "linenos=table" >}}…{{< /highlight >}}`: the code, as a fenced code
 * block in that language shows it. The options after the language (Chroma's line numbers and
 * highlighted lines) are not read.
 */
export default function Highlight({ args, children }: ShortcodeProps) {
  const language = arg(args, "lang", 0);
  return <CodeBlock language={language}>{children}</CodeBlock>;
}
