import type { ShortcodeProps } from "../shortcode";

export const inner = "html";

/**
 * DoIt's and FixIt's `{{< aplayer >}}{{< audio … >}}…{{< /aplayer >}}`: its tracks, one after another,
 * each with the browser's own player. The player's options (`fixed`, `theme`, `autoplay`, …) are
 * APlayer's script's, which Folio does not run.
 */
export default function APlayer({ children }: ShortcodeProps) {
  return <div className="audio-list">{children}</div>;
}
