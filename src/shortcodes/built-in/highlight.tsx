import { arg, type ShortcodeProps } from "../shortcode";
import { CodeBlock } from "./parts/code-block";

export const inner = "text";
export const liquid = true;

/**
 * Hugo's `{{< highlight go "linenos=table,hl_lines=8 15-17" >}}…{{< /highlight >}}`: the code, as a
 * fenced code block in that language with those options (```` ```go {linenos=table,hl_lines=[8,"15-17"]} ````) shows it.
 */
export default function Highlight({ args, children }: ShortcodeProps) {
  const language = arg(args, "lang", 0);
  const options = arg(args, "options", 1);
  return (
    <CodeBlock language={language} options={options && `{${options}}`}>
      {children}
    </CodeBlock>
  );
}
