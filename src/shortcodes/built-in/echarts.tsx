import type { ShortcodeProps } from "../shortcode";
import { CodeBlock } from "./parts/code-block";

export const inner = "text";

/**
 * LoveIt's, DoIt's and FixIt's `{{< echarts >}}…{{< /echarts >}}`: the chart's definition (JSON, YAML
 * or TOML), shown as code. Those themes draw it with the ECharts script in the browser; Folio runs
 * none, and never the `js=true` code FixIt allows.
 */
export default function ECharts({ children, warn }: ShortcodeProps) {
  if (typeof children !== "string" || !children.trim()) {
    warn("`echarts`: Folio shows the chart's definition between its tags only (not `file=` or `data=`), so this one is left out");
    return null;
  }
  return <CodeBlock language="echarts">{children.trim()}</CodeBlock>;
}
