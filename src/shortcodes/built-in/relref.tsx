import type { ShortcodeProps } from "../shortcode";
import Ref from "./ref";

/** Hugo's `{{< relref "other-post.md" >}}`: as `ref` (Folio's post URLs are the same from every page). */
export default function RelRef(props: ShortcodeProps) {
  return <Ref {...props} />;
}
