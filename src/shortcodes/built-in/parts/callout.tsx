import type { ReactNode } from "react";

/** GitHub's five alert kinds: every theme's callout shortcode shows as the one nearest in meaning. */
export type AlertKind = "NOTE" | "TIP" | "IMPORTANT" | "WARNING" | "CAUTION";

const NOTE: CalloutKind = { kind: "NOTE", label: "Note" };

/**
 * The kinds themes name their callouts by (LoveIt's, FixIt's and DoIt's admonition types, Learn's
 * and NexT's classes, Docsy's colours), each as the GitHub kind nearest in meaning, with the label
 * shown when the author gives no title.
 */
const KINDS: Record<string, CalloutKind> = {
  note: NOTE,
  default: NOTE,
  primary: NOTE,
  secondary: NOTE,
  light: NOTE,
  dark: NOTE,
  abstract: { kind: "NOTE", label: "Abstract" },
  info: { kind: "NOTE", label: "Info" },
  quote: { kind: "NOTE", label: "Quote" },
  tip: { kind: "TIP", label: "Tip" },
  success: { kind: "TIP", label: "Success" },
  question: { kind: "IMPORTANT", label: "Question" },
  example: { kind: "IMPORTANT", label: "Example" },
  warning: { kind: "WARNING", label: "Warning" },
  failure: { kind: "CAUTION", label: "Failure" },
  danger: { kind: "CAUTION", label: "Danger" },
  bug: { kind: "CAUTION", label: "Bug" },
};

/** A callout's kind and default label. */
export interface CalloutKind {
  kind: AlertKind;
  label: string;
}

/** The kind a theme names `name` (in any case); a plain note for a name no theme uses. */
export function calloutKind(name: string | undefined): CalloutKind {
  return knownCalloutKind(name) ?? NOTE;
}

/** The kind a theme names `name` (in any case), or undefined. */
export function knownCalloutKind(name: string | undefined): CalloutKind | undefined {
  return name === undefined ? undefined : KINDS[name.toLowerCase()];
}

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
