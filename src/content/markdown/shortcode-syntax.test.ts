import { describe, expect, it } from "vitest";
import { parseShortcodes, ShortcodeError, type ShortcodeCall } from "./shortcode-syntax";

const call = (text: string) =>
  parseShortcodes(text).find((node): node is ShortcodeCall => typeof node === "object" && node.type === "shortcode");

describe("parseShortcodes", () => {
  it("leaves text without shortcodes as it is, Go template braces included", () => {
    expect(parseShortcodes("Hello {{ .Title }} and {% raw %}")).toEqual(["Hello {{ .Title }} and {% raw %}"]);
  });

  it("reads named arguments, quoted, raw and bare, with escaped quotes", () => {
    const figure = call('See {{< figure src="a b.png" title=`raw "x"` width=300 alt="say \\"hi\\"" >}} here');
    expect(figure).toMatchObject({
      name: "figure",
      delimiter: "<",
      positional: false,
      selfClosed: false,
      args: { src: "a b.png", title: 'raw "x"', width: "300", alt: 'say "hi"' },
    });
    expect(figure?.inner).toBeUndefined();
  });

  it("reads positional arguments by index, and a self-closing tag", () => {
    expect(call('{{< admonition tip "A title" false />}}')).toMatchObject({
      args: { "0": "tip", "1": "A title", "2": "false" },
      positional: true,
      selfClosed: true,
    });
  });

  it("pairs a tag with its closing tag, nested shortcodes inside, with the line of each", () => {
    const nodes = parseShortcodes('Intro\n\n{{% notice tip %}}\nA {{< figure src="x.png" >}} here\n{{% /notice %}}\nAfter');
    expect(nodes[0]).toBe("Intro\n\n");
    const notice = nodes[1] as ShortcodeCall;
    expect(notice).toMatchObject({ name: "notice", delimiter: "%", line: 3, args: { "0": "tip" } });
    expect(notice.inner?.source).toBe('\nA {{< figure src="x.png" >}} here\n');
    expect(notice.inner?.nodes).toEqual(["\nA ", expect.objectContaining({ name: "figure", line: 4 }), " here\n"]);
    expect(nodes[2]).toBe("\nAfter");
  });

  it("closes the nearest opening of the same name; an opening in between stands alone", () => {
    const [outer] = parseShortcodes("{{< box >}}{{< box >}}{{< x >}}a{{< /box >}}b{{< /box >}}") as ShortcodeCall[];
    const [inner, rest] = outer.inner!.nodes as [ShortcodeCall, string];
    const [x, text] = inner.inner!.nodes as [ShortcodeCall, string];
    expect(x).toMatchObject({ name: "x", selfClosed: false });
    expect(x.inner).toBeUndefined();
    expect(text).toBe("a");
    expect(rest).toBe("b");
  });

  it("reads Hugo's escape as the shortcode's text, never as a shortcode", () => {
    expect(parseShortcodes('```\n{{</* figure src="x" */>}}\n{{%/* notice */%}}\n```')).toEqual([
      "```\n",
      { type: "literal", value: '{{< figure src="x" >}}' },
      "\n",
      { type: "literal", value: "{{% notice %}}" },
      "\n```",
    ]);
  });

  it("names the line and the fix for a tag never ended, a stray closing tag and mixed arguments", () => {
    const problem = (text: string) => {
      try {
        parseShortcodes(text);
      } catch (error) {
        if (error instanceof ShortcodeError) return `${error.line}: ${error.message}`;
        throw error;
      }
      return "no error";
    };
    expect(problem('a\n\n{{< figure src="x.png"\nmore')).toMatch(/^3: `\{\{<` is never closed by `>\}\}`/);
    expect(problem("a\n{{< /admonition >}}")).toBe(
      "2: `{{< /admonition >}}` closes no `admonition` shortcode: remove it, or open one before it",
    );
    expect(problem('{{< figure "x.png" title="y" >}}')).toMatch(/^1: shortcode `figure` mixes named and positional arguments/);
    expect(problem('{{< figure src="x.png >}}')).toMatch(/^1: `\{\{<` is never closed/);
  });

  it("reads Liquid tags only when asked (a Jekyll post), raw text as written, and names a tag never closed", () => {
    expect(parseShortcodes("{% highlight ruby %}\nx\n{% endhighlight %}")).toEqual(["{% highlight ruby %}\nx\n{% endhighlight %}"]);
    const [highlight] = parseShortcodes("{%- highlight ruby linenos -%}\nx\n{% endhighlight %}", { liquid: true }) as ShortcodeCall[];
    expect(highlight).toMatchObject({
      name: "highlight",
      delimiter: "liquid",
      args: { "0": "ruby", "1": "linenos" },
      argumentText: "ruby linenos",
    });
    expect(highlight.inner?.source).toBe("\nx\n");
    expect(parseShortcodes("a {% raw %}{{ x }} {% if %}{% endraw %} b", { liquid: true })).toEqual(["a ", "{{ x }} {% if %}", " b"]);
    expect(() => parseShortcodes("{% raw %}\n{{ x }}", { liquid: true })).toThrow("`{% raw %}` is never closed");
    expect(() => parseShortcodes("text\n{% endnote %}", { liquid: true })).toThrow("`{% endnote %}` closes no `note` tag");
  });
});
