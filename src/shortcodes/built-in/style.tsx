import { arg, BadArgument, type ShortcodeProps } from "../shortcode";

export const inner = "markdown";

/** The elements the `tag` argument may name: a block or an inline box around the content. */
const TAGS = new Set(["div", "span", "section", "aside", "p", "blockquote", "figure"]);

/**
 * LoveIt's `{{< style "text-align: right; strong { color: #00b1ff; }" >}}…{{< /style >}}` (a second
 * argument names the element, `div` by default): the content in an element that this CSS styles. The
 * CSS is nested in a `:scope` rule (CSS nesting, as LoveIt's Sass nests it; `&` is the element) in a
 * `<style>` inside the element, which the build checks and scopes as it does a post's own: the
 * element is its `@scope` root.
 */
export default function Style({ args, children }: ShortcodeProps) {
  const css = arg(args, "css", 0);
  const tag = (arg(args, "tag", 1) ?? "div").toLowerCase();
  if (!css) throw new BadArgument('`style` needs the CSS, as in {{< style "text-align: right;" >}}');
  if (!TAGS.has(tag)) throw new BadArgument(`\`style\` wraps its content in one of ${[...TAGS].join(", ")}, not \`${tag}\``);
  const Tag = tag as "div";
  return (
    <Tag>
      <style>{`:scope { ${css} }`}</style>
      {children}
    </Tag>
  );
}
