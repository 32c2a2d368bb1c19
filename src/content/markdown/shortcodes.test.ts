import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import { markdownToHast, markdownToUnsanitisedHtml } from "./pipeline";
import type { ShortcodeCall } from "./shortcode-syntax";
import { expandShortcodes, type ShortcodeRenderer } from "./shortcodes";

/** Made-up shortcodes: `box` and `mark` wrap their Markdown content, `code` its text, `shout` writes its argument. */
const renderer: ShortcodeRenderer = {
  innerOf: ({ name }) => ({ box: "markdown" as const, mark: "markdown" as const, code: "text" as const, shout: "none" as const })[name],
  render: (call, inner) =>
    call.name === "box"
      ? `<div class="box">${inner ?? ""}</div>`
      : call.name === "mark"
        ? `<mark>${inner}</mark>`
        : call.name === "code"
          ? `<pre><code>${inner}</code></pre>`
          : `<strong>${call.args["0"]}!</strong>`,
};

function article(markdown: string): { html: string; unknown: string[] } {
  const unknown: string[] = [];
  const expanded = expandShortcodes(markdown, renderer, markdownToUnsanitisedHtml, (call: ShortcodeCall) =>
    unknown.push(`${call.line}:${call.name}`),
  );
  const html = toHtml(markdownToHast(expanded.markdown, { shortcodes: expanded.outputs })).replaceAll("\n", "");
  return { html, unknown };
}

describe("expandShortcodes", () => {
  it("puts a block shortcode's HTML in place of its paragraph, its Markdown content rendered", () => {
    expect(article("Before.\n\n{{< box >}}\nSome **bold** text.\n\n- a list\n{{< /box >}}\n\nAfter.").html).toBe(
      '<p>Before.</p><div class="box"><p>Some <strong>bold</strong> text.</p><ul><li>a list</li></ul></div><p>After.</p>',
    );
  });

  it("keeps a shortcode within a line in its sentence", () => {
    expect(article("Say {{< shout hello >}} and {{% mark %}}*this*{{% /mark %}} now.").html).toBe(
      "<p>Say <strong>hello!</strong> and <mark><em>this</em></mark> now.</p>",
    );
  });

  it("renders shortcodes nested in another's content", () => {
    expect(article("{{< box >}}\nOuter {{< shout in >}}\n\n{{< box >}}\nInner\n{{< /box >}}\n{{< /box >}}").html).toBe(
      '<div class="box"><p>Outer <strong>in!</strong></p><div class="box"><p>Inner</p></div></div>',
    );
  });

  it("gives a text shortcode its content as written, and shows an escaped shortcode as text, in code too", () => {
    expect(article("{{< code >}}\na < b && *c*\n{{< /code >}}").html).toBe("<pre><code>a &#x3C; b &#x26;&#x26; *c*</code></pre>");
    expect(article('```\n{{</* shout "x" */>}}\n```').html).toBe('<pre><code>{{&#x3C; shout "x" >}}</code></pre>');
    expect(article('Write {{</* shout "x" */>}} to shout.').html).toBe('<p>Write {{&#x3C; shout "x" >}} to shout.</p>');
  });

  it("reports an unknown shortcode, showing its content and never its delimiters", () => {
    const { html, unknown } = article("Hi {{< mystery a=1 >}}\n\n{{% mystery %}}\nKept **text**\n{{% /mystery %}}");
    expect(html).toBe("<p>Hi </p><p>Kept <strong>text</strong></p>");
    expect(unknown).toEqual(["1:mystery", "3:mystery"]);
  });

  it("passes a shortcode's script and handlers to the sanitiser, which removes them", () => {
    const hostile: ShortcodeRenderer = {
      innerOf: () => "none",
      render: () => `<img src="x.png" onerror="alert(1)"><script>alert(2)</script>`,
    };
    const expanded = expandShortcodes("{{< evil >}}", hostile, markdownToUnsanitisedHtml, () => {});
    expect(toHtml(markdownToHast(expanded.markdown, { shortcodes: expanded.outputs }))).toBe('<p><img src="x.png"></p>');
  });

  it("fails at the line of a shortcode never closed, or closed when it takes no content", () => {
    expect(() => expandShortcodes("a\n\n{{< box >}}\ntext", renderer, markdownToUnsanitisedHtml, () => {})).toThrow(
      "`box` is never closed: end its content with {{< /box >}} (or write it self-closed, `box … /`)",
    );
    expect(() => expandShortcodes("{{< shout x >}}a{{< /shout >}}", renderer, markdownToUnsanitisedHtml, () => {})).toThrow(
      "`shout` takes no inner content, yet it has a closing tag: remove {{< /shout >}}",
    );
  });
});
