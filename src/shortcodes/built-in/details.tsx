import { arg, booleanArg, type ShortcodeProps } from "../shortcode";

export const inner = "markdown";

/**
 * Hugo's `{{< details summary="See the code" open=true >}}…{{< /details >}}` (built in since Hugo
 * 0.140; FixIt's positional `{{< details "Summary" true >}}` too): a native `<details>` the reader
 * opens, its summary read as Markdown. No script.
 */
export default function Details({ args, children, markdownify }: ShortcodeProps) {
  const summary = arg(args, "summary", 0) ?? "Details";
  const className = arg(args, "class", 2);
  return (
    <details className={className} open={booleanArg(arg(args, "open", 1), false)} title={args.title}>
      <summary dangerouslySetInnerHTML={{ __html: markdownify(summary) }} />
      {children}
    </details>
  );
}
