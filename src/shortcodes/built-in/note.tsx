import type { ShortcodeProps } from "../shortcode";
import { Callout, type AlertKind } from "./parts/callout";

export const inner = "markdown";
export const liquid = true;

/** NexT's classes (Hexo's most used theme), as GitHub alert kinds. */
const KINDS: Record<string, [kind: AlertKind, label: string]> = {
  default: ["NOTE", "Note"],
  primary: ["NOTE", "Note"],
  info: ["NOTE", "Info"],
  success: ["TIP", "Success"],
  warning: ["WARNING", "Warning"],
  danger: ["CAUTION", "Danger"],
};

/**
 * Hexo's `{% note info %}…{% endnote %}` (the NexT theme's; `no-icon` and the rest of the words are
 * accepted): a callout, titled by its class.
 */
export default function Note({ args, children }: ShortcodeProps) {
  const words = Object.values(args).map((word) => word.toLowerCase());
  const [kind, label] = KINDS[words.find((word) => KINDS[word]) ?? "default"];
  return (
    <Callout kind={kind} title={label}>
      {children}
    </Callout>
  );
}
