import type { ShortcodeProps } from "../shortcode";

export const inner = "text";

/**
 * LoveIt's, DoIt's and FixIt's `{{< echarts >}}…{{< /echarts >}}`: the chart's definition (JSON, YAML
 * or TOML), shown as code. Those themes draw it with the ECharts script in the browser; Folio runs
 * none, and never the `js=true` code FixIt allows.
 */
export default function ECharts({ children }: ShortcodeProps) {
  return (
    <pre>
      <code className="language-echarts">{typeof children === "string" ? children.trim() : children}</code>
    </pre>
  );
}
