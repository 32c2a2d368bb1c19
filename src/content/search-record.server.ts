import type { ContentNode } from "./markdown/content-tree";
import type { ArticleBody, Post } from "./post";
import { vocabularyWords } from "./search-words";

/** What the search index holds of a post: made from the parsed post, its article and where its page is. */
export interface SearchRecord {
  /** Its page's site path, `/posts/<slug>/`. */
  url: string;
  /** Its page's language (`<html lang>`): Pagefind indexes each language apart, and segments Chinese and Japanese by it. */
  language: string;
  post: Pick<Post, "title" | "date" | "tags" | "categories" | "authors">;
  article: ArticleBody;
}

/** The filters the index carries, by name: each a list of values a post has, with counts in the browser. */
export const SEARCH_FILTERS = ["tags", "category", "year", "author"] as const;

/** Elements whose text is not prose: code blocks, a post's styles, diagrams' and formulas' markup. */
const SKIPPED = new Set(["pre", "style", "script", "svg", "math", "template"]);
const BLOCKS = new Set(["p", "li", "dt", "dd", "blockquote", "td", "th", "figcaption", "summary", "div", "section", "tr", "table"]);

/**
 * A post as a small HTML page for Pagefind (`addHTMLFile` indexes each): the title as
 * the result's title, the tags and categories as words weighted above the body (a tag match ranks
 * above a passage's), the filters and the date as Pagefind's attributes, and the article's text with
 * its headings and their ids, so that a match under a heading gives a result that opens the post at
 * that heading. It carries no markup of the post's own, only text (escaped).
 */
export function searchPageHtml({ language, post, article }: SearchRecord): string {
  const terms = [...post.tags, ...post.categories].map((term) => term.name);
  const filters = [
    ...post.tags.map((tag) => ["tags", tag.name]),
    ...post.categories.map((category) => ["category", category.name]),
    ["year", post.date.slice(0, 4)],
    ...post.authors.map((author) => ["author", author]),
  ];
  return [
    `<!DOCTYPE html><html lang="${escape(language)}"><head><meta charset="utf-8"><title>${escape(post.title)}</title></head><body>`,
    `<main data-pagefind-body data-pagefind-meta="date:${escape(post.date)}" data-pagefind-sort="date:${escape(post.date)}">`,
    `<h1 data-pagefind-meta="title">${escape(post.title)}</h1>`,
    `<div data-pagefind-ignore>${filters.map(([name, value]) => `<span data-pagefind-filter="${name}">${escape(value)}</span>`).join("")}</div>`,
    terms.length > 0 ? `<p data-pagefind-weight="5">${escape(terms.join(", "))}</p>` : "",
    articleText(article.content),
    "</main></body></html>",
  ].join("\n");
}

/** The article's text as paragraphs, its headings (those with ids) as headings: what Pagefind needs of it. */
function articleText(content: readonly ContentNode[]): string {
  const out: string[] = [];
  let paragraph = "";
  const flush = () => {
    const text = paragraph.replace(/\s+/g, " ").trim();
    if (text) out.push(`<p>${escape(text)}</p>`);
    paragraph = "";
  };
  const visit = (node: ContentNode) => {
    if (typeof node === "string") {
      paragraph += node;
      return;
    }
    const [type, props, ...children] = node as [string, Record<string, unknown> | 0, ...ContentNode[]];
    if (SKIPPED.has(type)) return;
    const heading = /^h([1-6])$/.exec(type);
    if (heading) {
      flush();
      children.forEach(visit);
      const text = paragraph.replace(/\s+/g, " ").trim();
      paragraph = "";
      const id = props && typeof props.id === "string" ? ` id="${escape(props.id)}"` : "";
      // The article's own h1s become h2s: the page's title is its one h1 (Pagefind's title).
      if (text) out.push(`<h${Math.max(2, Number(heading[1]))}${id}>${escape(text)}</h${Math.max(2, Number(heading[1]))}>`);
      return;
    }
    const block = BLOCKS.has(type);
    if (block) flush();
    if (type === "br") paragraph += " ";
    children.forEach(visit);
    if (block) flush();
    else if (type === "img" && props && typeof props.alt === "string") paragraph += ` ${props.alt} `;
  };
  content.forEach(visit);
  flush();
  return out.join("\n");
}

/**
 * The words of a record worth offering as corrections of a typo: every word of its title, tags,
 * categories and authors, and the words its text uses twice or more (a word used once is as often
 * a name or a typo as a word a reader would look for).
 */
export function recordVocabulary(record: SearchRecord): { names: string; text: string } {
  const { post } = record;
  const names = new Set(
    vocabularyWords([post.title, ...post.tags.map((t) => t.name), ...post.categories.map((c) => c.name), ...post.authors].join(" ")),
  );
  const counts = new Map<string, number>();
  for (const word of vocabularyWords(plainText(record.article.content))) counts.set(word, (counts.get(word) ?? 0) + 1);
  const text = [...counts].filter(([word, count]) => count >= 2 && !names.has(word)).map(([word]) => word);
  // One string a post rather than hundreds: a build holds every post's words until the vocabulary
  // is made (at 10,000 posts the build's heap grew ~160 MB while the records were made, ~35 MB since).
  return { names: [...names].join(" "), text: text.join(" ") };
}

function plainText(content: readonly ContentNode[]): string {
  const parts: string[] = [];
  const visit = (node: ContentNode) => {
    if (typeof node === "string") parts.push(node);
    else if (!SKIPPED.has(node[0] as string)) {
      parts.push(" ");
      for (const child of node.slice(2)) visit(child as ContentNode);
      parts.push(" ");
    }
  };
  content.forEach(visit);
  return parts.join("");
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
