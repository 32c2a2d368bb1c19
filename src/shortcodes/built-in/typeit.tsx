import type { ShortcodeProps } from "../shortcode";

/** Markdown, or with `code=java`, code. */
export const inner = (args: ShortcodeProps["args"]) => (args.code ? "text" : "markdown");

/**
 * LoveIt's `{{< typeit >}}…{{< /typeit >}}`: text LoveIt types out letter by letter with a script.
 * Folio shows the text as it ends up, with no script; `code=java` shows it as a code block, as LoveIt does.
 */
export default function TypeIt({ args, children }: ShortcodeProps) {
  if (args.code)
    return (
      <pre>
        <code className={`language-${args.code}`}>{children}</code>
      </pre>
    );
  return <div className={["typeit", args.class].filter(Boolean).join(" ")}>{children}</div>;
}
