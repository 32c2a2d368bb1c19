import frontMatter from "front-matter";
import { parse as parseToml } from "smol-toml";

/**
 * Data a shortcode holds between its tags, as FixIt's `file-tree` and `timeline` take it: JSON, TOML
 * (a table at the top, `[[filetree]]`) or YAML, read by the same readers as posts' front matter
 * (YAML by js-yaml, through front-matter). Throws the reader's error for data none of them reads.
 */
export function parseData(text: string): unknown {
  const trimmed = text.trim();
  if (/^[[{]/.test(trimmed) && !/^\[\[/.test(trimmed)) return JSON.parse(trimmed);
  if (/^\[\[?[\w.-]+\]\]?\s*$/m.test(trimmed) || /^[\w.-]+\s*=/m.test(trimmed)) return parseToml(trimmed);
  return frontMatter(`---\n${trimmed}\n---\n`).attributes;
}
