import { describe, expect, it } from "vitest";
import { shortcodeHtml } from "../testing.server";

const html = (markdown: string, params?: Record<string, unknown>) => shortcodeHtml(markdown, params).html;
/** The alert icon's markup, which rehype-alerts.test.ts checks. */
const withoutIcons = (markup: string) => markup.replace(/<svg class="octicon"[^]*?<\/svg>/g, "[icon]");

describe("built-in shortcodes", () => {
  it("figure: the image with its title and Markdown caption, linked, with the attribution", () => {
    expect(
      html(
        '{{< figure src="cat.png" title="A cat" caption="On *the* mat" link="https://example.com/" attr="Jo" attrlink="https://jo.example/" >}}',
      ),
    ).toBe(
      '<figure><a href="https://example.com/"><img src="cat.png" alt="On the mat"></a>' +
        '<figcaption><strong class="figure-title">A cat</strong><span class="figure-caption"><span>On <em>the</em> mat</span><a href="https://jo.example/">Jo</a></span></figcaption></figure>',
    );
    expect(html('{{< figure src="cat.png" alt="A cat" width="300" >}}')).toBe(
      '<figure><img src="cat.png" alt="A cat" width="300"></figure>',
    );
    expect(() => html('{{< figure title="x" >}}')).toThrow('`figure` needs the image: add src="file.png"');
  });

  it("admonition: a foldable callout of the nearest GitHub kind, open unless open=false, named or positional", () => {
    expect(withoutIcons(html('{{< admonition type=tip title="Try *this*" >}}\nUse **it**.\n{{< /admonition >}}'))).toBe(
      '<details class="markdown-alert markdown-alert-tip" open><summary class="markdown-alert-title">[icon]Try *this*</summary><p>Use <strong>it</strong>.</p></details>',
    );
    expect(withoutIcons(html('{{< admonition danger "Careful" false >}}\nHot.\n{{< /admonition >}}'))).toBe(
      '<details class="markdown-alert markdown-alert-caution"><summary class="markdown-alert-title">[icon]Careful</summary><p>Hot.</p></details>',
    );
    expect(withoutIcons(html("{{< admonition >}}\nPlain.\n{{< /admonition >}}"))).toContain("[icon]Note</summary>");
  });

  it("notice: the Learn theme's callout, titled by its kind", () => {
    expect(withoutIcons(html("{{% notice warning %}}\nMind **this**.\n{{% /notice %}}"))).toBe(
      '<div class="markdown-alert markdown-alert-warning"><p class="markdown-alert-title">[icon]Warning</p><p>Mind <strong>this</strong>.</p></div>',
    );
  });

  it("highlight: a code block in the language, its text as written", () => {
    expect(html('{{< highlight go "linenos=table" >}}\nfunc a() *int { return &b }\n{{< /highlight >}}')).toBe(
      '<pre><code class="language-go">func a() *int { return &#x26;b }</code></pre>',
    );
  });

  it("youtube and vimeo: a link to the video, nothing loaded from those sites", () => {
    expect(html("{{< youtube w7Ft2ymGmfc >}}")).toBe(
      '<p class="video-link"><a href="https://www.youtube.com/watch?v=w7Ft2ymGmfc"><span class="video-play"></span><span class="video-title">Watch the video on YouTube</span><span class="video-site">YouTube</span></a></p>',
    );
    expect(html('{{< vimeo id="146022717" title="A film" >}}')).toContain('<a href="https://vimeo.com/146022717">');
    expect(html('{{< vimeo id="146022717" title="A film" >}}')).toContain('<span class="video-title">A film</span>');
    expect(() => html('{{< youtube "x onload=1" >}}')).toThrow("`youtube` needs the video's id");
  });

  it("param: a front matter value, or the fix when there is none", () => {
    expect(html('By {{< param "author" >}}, {{< param "extra.mood" >}}.', { author: "Ada", extra: { Mood: "glad" } })).toBe(
      "<p>By Ada, glad.</p>",
    );
    expect(() => html('{{< param "nope" >}}')).toThrow("the front matter has no value `nope` to show");
  });
});
