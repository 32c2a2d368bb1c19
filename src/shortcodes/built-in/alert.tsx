import { arg, type ShortcodeProps } from "../shortcode";
import { Callout, calloutKind } from "./parts/callout";

export const inner = "markdown";

/**
 * Docsy's `{{% alert title="Warning" color="warning" %}}…{{% /alert %}}`: a callout, titled by
 * `title` or else by its colour's meaning.
 */
export default function Alert({ args, children }: ShortcodeProps) {
  const { kind, label } = calloutKind(arg(args, "color", 0));
  return (
    <Callout kind={kind} title={arg(args, "title") ?? label}>
      {children}
    </Callout>
  );
}
