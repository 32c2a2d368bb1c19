/** GitHub's five alert kinds: every theme's callout shortcode shows as the one nearest in meaning. */
export type AlertKind = "NOTE" | "TIP" | "IMPORTANT" | "WARNING" | "CAUTION";

const NOTE: CalloutKind = { kind: "NOTE", label: "Note" };

/**
 * The kinds callouts are named by (GitHub's alerts; LoveIt's, FixIt's and DoIt's admonition types;
 * Learn's and NexT's classes; Docsy's colours; Obsidian's callouts), each as the GitHub kind nearest
 * in meaning, with the label shown when the author gives no title.
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
  // Obsidian's callout types and their aliases (FixIt writes its alerts so: `> [!QUESTION]- Title`).
  summary: { kind: "NOTE", label: "Summary" },
  tldr: { kind: "NOTE", label: "TL;DR" },
  cite: { kind: "NOTE", label: "Quote" },
  todo: { kind: "NOTE", label: "Todo" },
  hint: { kind: "TIP", label: "Hint" },
  check: { kind: "TIP", label: "Check" },
  done: { kind: "TIP", label: "Done" },
  help: { kind: "IMPORTANT", label: "Help" },
  faq: { kind: "IMPORTANT", label: "FAQ" },
  attention: { kind: "WARNING", label: "Attention" },
  fail: { kind: "CAUTION", label: "Fail" },
  missing: { kind: "CAUTION", label: "Missing" },
  error: { kind: "CAUTION", label: "Error" },
  // GitHub's own five.
  important: { kind: "IMPORTANT", label: "Important" },
  caution: { kind: "CAUTION", label: "Caution" },
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
