import { arg, type ShortcodeProps } from "../shortcode";
import { Callout, calloutKind } from "./parts/callout";

export const inner = "markdown";

/**
 * The Learn theme's `{{% notice tip "Title" %}}…{{% /notice %}}`: a callout. Its title defaults to
 * the kind's name.
 */
export default function Notice({ args, children }: ShortcodeProps) {
  const { kind, label } = calloutKind(arg(args, "style", 0) ?? arg(args, "color"));
  const title = arg(args, "title", 1) ?? label;
  return (
    <Callout kind={kind} title={title}>
      {children}
    </Callout>
  );
}
