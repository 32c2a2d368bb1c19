import type { ReactNode } from "react";
import { arg, BadArgument, booleanArg, type ShortcodeProps } from "../shortcode";
import { parseData } from "./parts/data.server";

/** The tree is the data between its tags. */
export const inner = "text";

interface Entry {
  name: string;
  type?: string;
  children?: Entry[];
}

/**
 * FixIt's `{{< file-tree level=2 folder_slash=true highlight_list="src" >}}…{{< /file-tree >}}`: a
 * folder tree from the YAML, JSON or TOML between its tags (a list of `name`, `type: dir|file`,
 * `children`), as nested lists; each folder a `<details>` the reader folds, open to `level` (1 by
 * default, -1 all, 0 none). No script. FixIt's other sources (`file=`, `data=`, `path=`, a folder of
 * the site) are not read: the build says so.
 */
export default function FileTree({ args, children, warn }: ShortcodeProps) {
  const text = typeof children === "string" ? children.trim() : "";
  if (!text) {
    warn("`file-tree`: Folio reads the tree between its tags only (not `file=`, `data=` or a folder), so this one is left out");
    return null;
  }
  const data = parseData(text, "file-tree", "its tree is");
  const entries = Array.isArray(data) ? data : (data as { filetree?: unknown })?.filetree;
  if (!Array.isArray(entries))
    throw new BadArgument("`file-tree` needs a list of entries, each with a `name` (and `type: dir` and `children` for a folder)");
  const level = Number(arg(args, "level", 1) ?? 1);
  const list = (name: string) =>
    new Set(
      (arg(args, name) ?? "")
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
    );
  const options = {
    open: Number.isInteger(level) ? level : 1,
    slash: booleanArg(arg(args, "folder_slash", 2), false),
    ignored: list("ignore_list"),
    highlighted: list("highlight_list"),
  };
  return <div className="file-tree">{tree(entries as Entry[], 0, options)}</div>;
}

function tree(
  entries: readonly Entry[],
  depth: number,
  options: { open: number; slash: boolean; ignored: Set<string>; highlighted: Set<string> },
): ReactNode {
  const shown = entries.filter((entry) => entry && typeof entry.name === "string" && !options.ignored.has(entry.name));
  return (
    <ul>
      {shown.map((entry, index) => {
        const folder = entry.type === "dir" || Array.isArray(entry.children);
        const label = `${entry.name}${folder && options.slash ? "/" : ""}`;
        const name = options.highlighted.has(entry.name) ? <mark>{label}</mark> : label;
        return (
          <li key={index} className={folder ? "file-tree-folder" : "file-tree-file"}>
            {folder && entry.children?.length ? (
              <details open={options.open < 0 || depth < options.open}>
                <summary>{name}</summary>
                {tree(entry.children, depth + 1, options)}
              </details>
            ) : (
              name
            )}
          </li>
        );
      })}
    </ul>
  );
}
