import { arg, BadArgument, type ShortcodeProps } from "../shortcode";

/** Hugo's `{{< param "subtitle" >}}`: a value of the post's front matter (`a.b` reads inside a table). */
export default function Param({ args, params }: ShortcodeProps) {
  const name = arg(args, "name", 0);
  if (!name) throw new BadArgument('`param` needs the key to show, as in {{< param "subtitle" >}}');
  let value: unknown = params;
  for (const key of name.split(".")) {
    const record = value as Record<string, unknown> | undefined;
    value =
      record && typeof record === "object"
        ? (record[key] ?? record[Object.keys(record).find((k) => k.toLowerCase() === key.toLowerCase()) ?? ""])
        : undefined;
  }
  if (value === undefined || value === null || typeof value === "object")
    throw new BadArgument(`the front matter has no value \`${name}\` to show: add it, or remove the shortcode`);
  return <>{String(value)}</>;
}
