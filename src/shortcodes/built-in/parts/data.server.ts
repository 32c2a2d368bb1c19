import frontMatter from "front-matter";
import { parse as parseToml } from "smol-toml";
import { BadArgument } from "../../shortcode";

/**
 * Data a shortcode holds between its tags, as FixIt's `file-tree` and `timeline` take it: JSON, TOML
 * (a table at the top, `[[filetree]]`) or YAML, read by the same readers as posts' front matter
 * (YAML by js-yaml, through front-matter). Data none of them reads is a BadArgument of `shortcode`'s,
 * saying what its `what` (its tree, its events) is not.
 */
export function parseData(text: string, shortcode: string, what: string): unknown {
  try {
    return readData(text);
  } catch (error) {
    throw new BadArgument(
      `\`${shortcode}\`: ${what} not JSON, YAML or TOML that Folio can read (${(error as Error).message.split("\n")[0]})`,
    );
  }
}

function readData(text: string): unknown {
  const trimmed = text.trim();
  if (/^[[{]/.test(trimmed) && !/^\[\[/.test(trimmed)) return JSON.parse(trimmed);
  if (/^\[\[?[\w.-]+\]\]?\s*$/m.test(trimmed) || /^[\w.-]+\s*=/m.test(trimmed)) return parseToml(trimmed);
  return frontMatter(`---\n${trimmed}\n---\n`).attributes;
}
