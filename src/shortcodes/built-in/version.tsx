import { arg, BadArgument, type ShortcodeProps } from "../shortcode";

const LABELS: Record<string, string> = { new: "New in", changed: "Changed in", deleted: "Deleted in", deprecated: "Deprecated in" };

/** LoveIt's `{{< version 0.2.0 changed >}}`: a badge saying what happened in that version (new, changed, deleted, deprecated). */
export default function Version({ args }: ShortcodeProps) {
  const version = arg(args, "version", 0);
  const type = (arg(args, "type", 1) ?? "new").toLowerCase();
  if (!version) throw new BadArgument("`version` needs the version, as in {{< version 0.2.0 >}}");
  return <span className={`version-badge version-${LABELS[type] ? type : "new"}`}>{`${LABELS[type] ?? LABELS.new} ${version}`}</span>;
}
