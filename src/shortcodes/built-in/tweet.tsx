import type { ShortcodeProps } from "../shortcode";
import X from "./x";

/** Hugo's older name for `x`: `{{< tweet user="SanDiegoZoo" id="1453110110599868418" >}}`. */
export default function Tweet(props: ShortcodeProps) {
  return <X {...props} />;
}
