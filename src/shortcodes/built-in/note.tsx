import type { ShortcodeProps } from "../shortcode";
import { Callout, calloutKind, knownCalloutKind } from "./parts/callout";

export const inner = "markdown";
export const liquid = true;

/**
 * Hexo's `{% note info %}…{% endnote %}` (the NexT theme's; `no-icon` and the rest of the words are
 * accepted): a callout, titled by its class.
 */
export default function Note({ args, children }: ShortcodeProps) {
  // The first of its words that names a kind (`info` in `{% note info no-icon %}`).
  const { kind, label } = Object.values(args).map(knownCalloutKind).find(Boolean) ?? calloutKind("default");
  return (
    <Callout kind={kind} title={label}>
      {children}
    </Callout>
  );
}
