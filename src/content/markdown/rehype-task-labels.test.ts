import type { Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import { markdownToHast } from "./pipeline";
import rehypeTaskLabels from "./rehype-task-labels";

const run = (html: string) => {
  const tree = fromHtml(html, { fragment: true }) as Root;
  rehypeTaskLabels()(tree);
  return toHtml(tree);
};

describe("rehypeTaskLabels", () => {
  it("names a task's checkbox by its text, without its nested list", () => {
    expect(
      run('<ul><li class="task-list-item"><input type="checkbox" disabled> Write <em>the</em> tests<ul><li>unit</li></ul></li></ul>'),
    ).toContain('<input type="checkbox" disabled aria-label="Write the tests">');
  });

  it("names the checkbox of a loose list's task, in its paragraph", () => {
    expect(run('<ul><li class="task-list-item"><p><input type="checkbox" checked disabled> Ship it</p></li></ul>')).toContain(
      'aria-label="Ship it"',
    );
  });

  it("leaves other lists, and a checkbox already named, alone", () => {
    const plain = '<ul><li><input type="checkbox" disabled> not a task</li></ul>';
    expect(run(plain)).toBe(plain);
    const named = '<ul><li class="task-list-item"><input type="checkbox" aria-label="Mine"> task</li></ul>';
    expect(run(named)).toBe(named);
  });

  it("names GitHub task lists in a post", () => {
    const html = toHtml(markdownToHast("- [x] done\n- [ ] to do\n"));
    expect(html).toContain('aria-label="done"');
    expect(html).toContain('aria-label="to do"');
  });
});
