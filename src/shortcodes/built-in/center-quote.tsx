import type { ShortcodeProps } from "../shortcode";

export const inner = "markdown";

/** FixIt's `{{< center-quote >}}…{{< /center-quote >}}`: a quotation, centred. */
export default function CenterQuote({ children }: ShortcodeProps) {
  return <blockquote className="center-quote">{children}</blockquote>;
}
