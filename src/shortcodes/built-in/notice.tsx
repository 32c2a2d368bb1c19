import { arg, type ShortcodeProps } from "../shortcode";
import { Callout, type AlertKind } from "./parts/callout";

export const inner = "markdown";

/** The Learn theme's kinds (and Docsy's `alert` colours), as GitHub alert kinds. */
const KINDS: Record<string, [kind: AlertKind, label: string]> = {
  note: ["NOTE", "Note"],
  info: ["NOTE", "Info"],
  tip: ["TIP", "Tip"],
  success: ["TIP", "Success"],
  warning: ["WARNING", "Warning"],
  danger: ["CAUTION", "Danger"],
  primary: ["NOTE", "Note"],
  secondary: ["NOTE", "Note"],
};

/**
 * The Learn theme's `{{% notice tip "Title" %}}…{{% /notice %}}`: a callout. Its title defaults to
 * the kind's name.
 */
export default function Notice({ args, children }: ShortcodeProps) {
  const [kind, label] = KINDS[(arg(args, "style", 0) ?? arg(args, "color") ?? "note").toLowerCase()] ?? KINDS.note;
  const title = arg(args, "title", 1) ?? label;
  return (
    <Callout kind={kind} title={title}>
      {children}
    </Callout>
  );
}
