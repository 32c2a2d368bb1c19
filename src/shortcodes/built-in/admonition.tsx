import { arg, booleanArg, type ShortcodeProps } from "../shortcode";
import { Callout, calloutKind } from "./parts/callout";

export const inner = "markdown";

/**
 * LoveIt's `{{< admonition type="tip" title="…" open=false >}}…{{< /admonition >}}` (also
 * positional: `{{< admonition tip "Title" false >}}`): a callout the reader can fold, open unless
 * `open=false`, titled by default with its type's name. It is written as a GitHub alert (`> [!TIP]+ Title`), which rehype-alerts.ts turns
 * into the same callout, with the kind's icon and colours and a `<details>` to fold it: no script.
 */
export default function Admonition({ args, children }: ShortcodeProps) {
  const type = (arg(args, "type", 0) ?? "note").toLowerCase();
  const { kind } = calloutKind(type);
  const title = arg(args, "title", 1) ?? type.charAt(0).toUpperCase() + type.slice(1);
  const open = booleanArg(arg(args, "open", 2), true);
  return (
    <Callout kind={kind} title={title} fold={open ? "+" : "-"}>
      {children}
    </Callout>
  );
}
