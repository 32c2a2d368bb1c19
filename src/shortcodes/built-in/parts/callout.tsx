import type { ReactNode } from "react";

export { calloutKind, knownCalloutKind, type AlertKind, type CalloutKind } from "../../../content/markdown/callout-kinds";
import type { AlertKind } from "../../../content/markdown/callout-kinds";

/**
 * A callout, written as a GitHub alert (`> [!TIP]+ Title`) for rehype-alerts.ts to show: one look,
 * icon and colours for the admonitions, notices, alerts and notes of every theme. `fold` makes it a
 * `<details>` the reader opens (`-`, closed at first) or closes (`+`).
 */
export function Callout({
  kind,
  title,
  fold = "",
  children,
}: {
  kind: AlertKind;
  title: string;
  fold?: "" | "+" | "-";
  children?: ReactNode;
}) {
  return (
    <blockquote>
      <p>{`[!${kind}]${fold} ${title}`}</p>
      {children}
    </blockquote>
  );
}
