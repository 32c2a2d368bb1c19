import type { ShortcodeProps } from "../shortcode";
import { CodeBlock } from "./parts/code-block";

export const inner = "text";
export const liquid = true;

/**
 * Hexo's `{% codeblock title lang:js https://example.com/ Link %}…{% endcodeblock %}`: a code block
 * in that language, under its title (with the link, if any), as Hexo shows it.
 */
export default function Codeblock({ argumentText, children }: ShortcodeProps) {
  const words = argumentText.split(/\s+/).filter(Boolean);
  const language = words.find((word) => word.startsWith("lang:"))?.slice("lang:".length);
  const rest = words.filter((word) => !word.startsWith("lang:") && !/^\w+:\w/.test(word.replace(/^https?:/, "")));
  const at = rest.findIndex((word) => /^https?:\/\//.test(word));
  const title = (at >= 0 ? rest.slice(0, at) : rest).join(" ");
  const link = at >= 0 ? rest[at] : undefined;
  const code = <CodeBlock language={language}>{children}</CodeBlock>;
  if (!title && !link) return code;
  return (
    <figure className="codeblock">
      <figcaption>
        {title && <span>{title}</span>}
        {link && <a href={link}>{rest.slice(at + 1).join(" ") || "link"}</a>}
      </figcaption>
      {code}
    </figure>
  );
}
