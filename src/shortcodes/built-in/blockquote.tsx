import type { ShortcodeProps } from "../shortcode";

export const inner = "markdown";
export const liquid = true;

/**
 * Hexo's `{% blockquote Author, Source https://example.com/ Link title %}…{% endblockquote %}`: a
 * quote with its attribution (the author, the source, and a link to it) on a last line, as Hexo
 * writes it (in a `<footer>`, which the sanitiser does not allow in a post: a paragraph here).
 */
export default function Blockquote({ argumentText, children }: ShortcodeProps) {
  const words = argumentText.split(/\s+/).filter(Boolean);
  const at = words.findIndex((word) => /^https?:\/\//.test(word));
  const link = at >= 0 ? words[at] : undefined;
  const [author = "", source = ""] = (at >= 0 ? words.slice(0, at) : words).join(" ").split(/,\s*/, 2);
  const linkTitle = at >= 0 ? words.slice(at + 1).join(" ") : "";
  const cite = link ? <a href={link}>{linkTitle || source || link}</a> : source;
  return (
    <blockquote>
      {children}
      {(author || cite) && (
        <p className="quote-source">
          {"— "}
          {author && <strong>{author}</strong>}
          {author && cite && ", "}
          {cite && <cite>{cite}</cite>}
        </p>
      )}
    </blockquote>
  );
}
