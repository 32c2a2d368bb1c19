import type { Root } from "hast";
import { toHtml } from "hast-util-to-html";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import rehypeAlerts from "./rehype-alerts";

const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeAlerts);
const run = (markdown: string) => toHtml(processor.runSync(processor.parse(markdown)) as Root).replaceAll("\n", "");
const ICON = /<svg class="octicon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="[^"]+"><\/path><\/svg>/g;
const withoutIcons = (html: string) => html.replace(ICON, "[icon]");

describe("rehypeAlerts", () => {
  it("turns each of GitHub's five kinds into a callout with the kind's icon and label", () => {
    const icons = new Set<string>();
    for (const [kind, label] of [
      ["NOTE", "Note"],
      ["TIP", "Tip"],
      ["IMPORTANT", "Important"],
      ["WARNING", "Warning"],
      ["CAUTION", "Caution"],
    ]) {
      const html = run(`> [!${kind}]\n> Read *this*.`);
      icons.add(html.match(ICON)?.[0] ?? "none");
      expect(withoutIcons(html)).toBe(
        `<div class="markdown-alert markdown-alert-${kind.toLowerCase()}"><p class="markdown-alert-title">[icon]${label}</p><p>Read <em>this</em>.</p></div>`,
      );
    }
    expect(icons.size).toBe(5);
  });

  it("reads the marker in any case and keeps every paragraph, list and code block of the quote", () => {
    expect(withoutIcons(run("> [!tip]\n> One.\n>\n> - two\n>\n> ```\n> three\n> ```"))).toBe(
      '<div class="markdown-alert markdown-alert-tip"><p class="markdown-alert-title">[icon]Tip</p><p>One.</p>' +
        "<ul><li>two</li></ul><pre><code>three</code></pre></div>",
    );
    expect(withoutIcons(run("> [!NOTE]\n>\n> Apart."))).toBe(
      '<div class="markdown-alert markdown-alert-note"><p class="markdown-alert-title">[icon]Note</p><p>Apart.</p></div>',
    );
  });

  it("takes the rest of the marker's line as the title, markup included, as Hugo and Obsidian do", () => {
    expect(withoutIcons(run("> [!WARNING] Mind **the** gap\n> Body."))).toBe(
      '<div class="markdown-alert markdown-alert-warning"><p class="markdown-alert-title">[icon]Mind <strong>the</strong> gap</p><p>Body.</p></div>',
    );
    expect(withoutIcons(run("> [!CAUTION] Title alone"))).toBe(
      '<div class="markdown-alert markdown-alert-caution"><p class="markdown-alert-title">[icon]Title alone</p></div>',
    );
  });

  it("makes a callout marked - or + a <details> the reader opens or closes", () => {
    expect(withoutIcons(run("> [!TIP]- Spoiler\n> Hidden."))).toBe(
      '<details class="markdown-alert markdown-alert-tip"><summary class="markdown-alert-title">[icon]Spoiler</summary><p>Hidden.</p></details>',
    );
    expect(withoutIcons(run("> [!NOTE]+\n> Shown."))).toBe(
      '<details class="markdown-alert markdown-alert-note" open><summary class="markdown-alert-title">[icon]Note</summary><p>Shown.</p></details>',
    );
  });

  it("drops the hard break after a marker", () => {
    expect(withoutIcons(run("> [!NOTE]\\\n> After a backslash break."))).toBe(
      '<div class="markdown-alert markdown-alert-note"><p class="markdown-alert-title">[icon]Note</p><p>After a backslash break.</p></div>',
    );
  });

  it("shows Obsidian's and the themes' kinds (FixIt's alerts) as the nearest GitHub kind, labelled by their own name", () => {
    expect(withoutIcons(run("> [!QUESTION]- Are alerts foldable?\n> Yes."))).toBe(
      '<details class="markdown-alert markdown-alert-important"><summary class="markdown-alert-title">[icon]Are alerts foldable?</summary><p>Yes.</p></details>',
    );
    expect(withoutIcons(run("> [!todo]\n> Write it."))).toBe(
      '<div class="markdown-alert markdown-alert-note"><p class="markdown-alert-title">[icon]Todo</p><p>Write it.</p></div>',
    );
    expect(withoutIcons(run("> [!danger] Hot\n> Do not touch."))).toContain(
      '<div class="markdown-alert markdown-alert-caution"><p class="markdown-alert-title">[icon]Hot</p>',
    );
  });

  it("leaves quotes alone: plain, an unknown kind, a marker with nothing else, a marker that is not first", () => {
    for (const markdown of [
      "> Just a quote.",
      "> [!BANANA]\n> Unknown kind.",
      "> [!NOTE]",
      "> See [!NOTE] here.",
      "> *[!NOTE]*\n> Emphasised.",
    ]) {
      expect(run(markdown)).toMatch(/^<blockquote>.*<\/blockquote>$/);
    }
  });
});
