import { arg, type ShortcodeProps } from "../shortcode";
import { Callout, type AlertKind } from "./parts/callout";

export const inner = "markdown";

/** Docsy's colours (Bootstrap's), as GitHub alert kinds. */
const KINDS: Record<string, [kind: AlertKind, label: string]> = {
  primary: ["NOTE", "Note"],
  secondary: ["NOTE", "Note"],
  info: ["NOTE", "Info"],
  success: ["TIP", "Success"],
  warning: ["WARNING", "Warning"],
  danger: ["CAUTION", "Danger"],
  light: ["NOTE", "Note"],
  dark: ["NOTE", "Note"],
};

/**
 * Docsy's `{{% alert title="Warning" color="warning" %}}…{{% /alert %}}`: a callout, titled by
 * `title` or else by its colour's meaning.
 */
export default function Alert({ args, children }: ShortcodeProps) {
  const [kind, label] = KINDS[(arg(args, "color", 0) ?? "primary").toLowerCase()] ?? KINDS.primary;
  return (
    <Callout kind={kind} title={arg(args, "title") ?? label}>
      {children}
    </Callout>
  );
}
