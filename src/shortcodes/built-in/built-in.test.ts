import { describe, expect, it } from "vitest";
import { shortcodeHtml } from "../testing.server";

const html = (markdown: string, params?: Record<string, unknown>) => shortcodeHtml(markdown, params).html;
/** The TeX of each formula in an article's HTML (KaTeX's MathML keeps it), with how it shows. */
const formulas = (markup: string) =>
  Array.from(
    markup.matchAll(/<math [^>]*?(display="block")?>.*?<annotation encoding="application\/x-tex">(.*?)<\/annotation>/g),
    ([, block, tex]) => `${block ? "display" : "inline"}: ${tex}`,
  );
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
    // PaperMod's figure: align="center".
    expect(html('{{< figure src="cat.png" align="center" class="wide" >}}')).toBe(
      '<figure class="wide align-center"><img src="cat.png" alt=""></figure>',
    );
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

  it("alert: Docsy's callout, titled by its title or its colour", () => {
    expect(withoutIcons(html('{{% alert title="Heads up" color="warning" %}}\nMind **this**.\n{{% /alert %}}'))).toBe(
      '<div class="markdown-alert markdown-alert-warning"><p class="markdown-alert-title">[icon]Heads up</p><p>Mind <strong>this</strong>.</p></div>',
    );
    expect(withoutIcons(html("{{% alert %}}\nPlain.\n{{% /alert %}}"))).toContain("[icon]Note</p>");
  });

  it("notice: the Learn theme's callout, titled by its kind", () => {
    expect(withoutIcons(html("{{% notice warning %}}\nMind **this**.\n{{% /notice %}}"))).toBe(
      '<div class="markdown-alert markdown-alert-warning"><p class="markdown-alert-title">[icon]Warning</p><p>Mind <strong>this</strong>.</p></div>',
    );
  });

  it("highlight: a code block in the language, its text as written, with Hugo's options as a fence's", () => {
    expect(html('{{< highlight go "linenos=table" >}}\nfunc a() *int { return &b }\n{{< /highlight >}}')).toBe(
      '<pre><code class="language-go">func a() *int { return &#x26;b }</code></pre>',
    );
    const highlighted = shortcodeHtml(
      '{{< highlight go "linenos=table,hl_lines=2,linenostart=7" >}}\na := 1\nb := 2\n{{< /highlight >}}',
      {},
      {},
      { highlight: true },
    );
    expect(highlighted.html).toContain('<pre class="shiki line-numbers" tabindex="0" style="counter-reset:line 6">');
    expect(highlighted.html).toMatch(/<span class="line">a [^]*<span class="line highlighted">b /);
  });

  it("youtube and vimeo: a link to the video, nothing loaded from those sites, in an island's mark (the player is loaded on click)", () => {
    expect(html("{{< youtube w7Ft2ymGmfc >}}")).toBe(
      '<div data-folio-island="youtube" data-folio-props="{&#x22;args&#x22;:{&#x22;0&#x22;:&#x22;w7Ft2ymGmfc&#x22;},&#x22;argumentText&#x22;:&#x22;w7Ft2ymGmfc&#x22;}">' +
        '<p class="video-link"><a href="https://www.youtube.com/watch?v=w7Ft2ymGmfc"><span class="video-play"></span><span class="video-title">Watch the video on YouTube</span><span class="video-site">YouTube</span></a></p>' +
        "</div>",
    );
    expect(html('{{< youtube id="w7Ft2ymGmfc" start="30" >}}')).toContain(
      '<a href="https://www.youtube.com/watch?v=w7Ft2ymGmfc&#x26;t=30">',
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

describe("LoveIt's shortcodes", () => {
  it("raw: its content kept from Markdown, as HTML the sanitiser checks", () => {
    expect(html("Inline {{< raw >}}\\(a_1 *b*\\){{< /raw >}} math.")).toBe("<p>Inline \\(a_1 *b*\\) math.</p>");
    expect(html('{{< raw >}}<b onclick="x()">bold</b><script>x()</script>{{< /raw >}}')).toBe("<p><b>bold</b></p>");
  });

  it("style: the content in an element its CSS styles, scoped to the article", () => {
    const styled = html('> {{< style "text-align: right; strong { color: #00b1ff; }" >}}-- **John**{{< /style >}}');
    expect(styled).toBe(
      "<blockquote><div><style>@scope {:scope { text-align: right; strong { color: #00b1ff; } }}</style>– <strong>John</strong></div></blockquote>",
    );
    expect(() => html('{{< style "color: red" script >}}x{{< /style >}}')).toThrow("`style` wraps its content in one of div");
  });

  it("version: a badge of what changed in which version", () => {
    expect(html("{{< version 0.2.0 changed >}}")).toBe('<p><span class="version-badge version-changed">Changed in 0.2.0</span></p>');
    expect(html("{{< version 0.1.1 >}}")).toBe('<p><span class="version-badge version-new">New in 0.1.1</span></p>');
  });

  it("link: a link with its text and title, positional or named", () => {
    expect(html('{{< link "https://example.com/" "The *site*" "Go there" >}}')).toBe(
      '<p><a href="https://example.com/" title="Go there"><span>The <em>site</em></span></a></p>',
    );
    expect(html('{{< link href="mailto:a@example.com" >}}')).toBe('<p><a href="mailto:a@example.com">mailto:a@example.com</a></p>');
  });

  it("image: a figure with its caption, linked to the large version", () => {
    expect(html('{{< image src="/a.jpg" caption="A *lighthouse*" src_l="/a-large.jpg" >}}')).toBe(
      '<figure><a href="/a-large.jpg"><img src="/a.jpg" alt="A lighthouse"></a><figcaption class="image-caption">A <em>lighthouse</em></figcaption></figure>',
    );
    expect(html('{{< image src="/a.jpg" alt="Sea" linked=false >}}')).toBe('<p><img src="/a.jpg" alt="Sea"></p>');
  });

  it("person, bilibili, mermaid and typeit: as a reader would see them without script", () => {
    expect(html('{{< person "https://dillonzq.com/" Dillon "author of LoveIt" >}}')).toBe(
      '<p><span class="h-card person-mention"><a class="p-name u-url" href="https://dillonzq.com/" title="author of LoveIt">Dillon</a></span></p>',
    );
    expect(html("{{< bilibili id=BV1TJ411C7An p=3 >}}")).toContain('<a href="https://www.bilibili.com/video/BV1TJ411C7An?p=3">');
    expect(html("{{< mermaid >}}\ngraph LR;\n  A --> B\n{{< /mermaid >}}")).toBe(
      '<pre><code class="language-mermaid">graph LR;  A --> B</code></pre>',
    );
    expect(html("{{< typeit >}}\nThis is a *paragraph*\n{{< /typeit >}}")).toBe(
      '<div class="typeit"><p>This is a <em>paragraph</em></p></div>',
    );
    expect(html("{{< typeit code=java >}}\nint a = b * c;\n{{< /typeit >}}")).toBe(
      '<pre><code class="language-java">int a = b * c;</code></pre>',
    );
  });

  it("script: left out, and the author told", () => {
    const { html: shown, warnings } = shortcodeHtml("Before\n\n{{< script >}}\nalert(1);\n{{< /script >}}");
    expect(shown).toBe("<p>Before</p>");
    expect(warnings).toEqual(["3: `script`: Folio runs no script from a post, so this one is left out"]);
  });
});

describe("DoIt's shortcodes", () => {
  it("tabs: every tab's content under its title, no script; fa-icon left out; friend as a link card", () => {
    expect(
      html(
        '{{< tabs >}}\n\n{{% tab title="One" %}}\nFirst **tab**.\n{{% /tab %}}\n\n{{% tab title="Two" %}}\nSecond.\n{{% /tab %}}\n\n{{< /tabs >}}',
      ),
    ).toBe(
      '<div class="tabs"><div class="tab"><p class="tab-title">One</p><p>First <strong>tab</strong>.</p></div><div class="tab"><p class="tab-title">Two</p><p>Second.</p></div></div>',
    );
    expect(html("A {{< fa-icon brands js >}} JavaScript post.")).toBe("<p>A  JavaScript post.</p>");
    expect(html('{{< friend name="PCloud" url="https://github.com/HEIGE-PCloud/" bio="Hi" >}}')).toBe(
      '<p class="link-card"><a href="https://github.com/HEIGE-PCloud/"><span class="link-card-title">PCloud</span><span class="link-card-site">Hi</span></a></p>',
    );
  });
});

describe("Hugo's embeds as links", () => {
  it("gist, instagram, x and tweet: a link card to the other site, no script", () => {
    expect(html("{{< gist spf13 7896402 >}}")).toBe(
      '<p class="link-card"><a href="https://gist.github.com/spf13/7896402"><span class="link-card-title">A gist by spf13</span><span class="link-card-site">GitHub Gist</span></a></p>',
    );
    expect(html("{{< instagram CxOWiQNP2MO >}}")).toContain('<a href="https://www.instagram.com/p/CxOWiQNP2MO/">');
    expect(html('{{< x user="SanDiegoZoo" id="1453110110599868418" >}}')).toContain(
      '<a href="https://x.com/SanDiegoZoo/status/1453110110599868418">',
    );
    expect(html('{{< tweet user="SanDiegoZoo" id="1453110110599868418" >}}')).toBe(
      html('{{< x user="SanDiegoZoo" id="1453110110599868418" >}}'),
    );
    expect(() => html('{{< x user="a" id="not-a-number" >}}')).toThrow("`x` needs the account and the post's number");
  });
});

describe("Jekyll's and Hexo's Liquid tags", () => {
  const liquid = (markdown: string) => shortcodeHtml(markdown, {}, { liquid: true }).html;

  it("highlight and codeblock: a code block in the language, Hexo's with its title and link", () => {
    expect(liquid("{% highlight ruby linenos %}\ndef foo; puts 'foo'; end\n{% endhighlight %}")).toBe(
      "<pre><code class=\"language-ruby\">def foo; puts 'foo'; end</code></pre>",
    );
    expect(
      shortcodeHtml("{% highlight ruby linenos %}\nfoo\n{% endhighlight %}", {}, { liquid: true }, { highlight: true }).html,
    ).toContain('<pre class="shiki line-numbers"');
    expect(liquid("{% codeblock Array.map lang:js https://example.com/map MDN %}\n[1].map(x => x * 2)\n{% endcodeblock %}")).toBe(
      '<figure class="codeblock"><figcaption><span>Array.map</span><a href="https://example.com/map">MDN</a></figcaption><pre><code class="language-js">[1].map(x => x * 2)</code></pre></figure>',
    );
  });

  it("note and blockquote: Hexo's callout and attributed quote", () => {
    expect(withoutIcons(liquid("{% note warning no-icon %}\nMind **this**.\n{% endnote %}"))).toBe(
      '<div class="markdown-alert markdown-alert-warning"><p class="markdown-alert-title">[icon]Warning</p><p>Mind <strong>this</strong>.</p></div>',
    );
    expect(liquid("{% blockquote David Levithan, Wide Awake %}\nDo not just *dream*.\n{% endblockquote %}")).toBe(
      '<blockquote><p>Do not just <em>dream</em>.</p><p class="quote-source">— <strong>David Levithan</strong>, <cite>Wide Awake</cite></p></blockquote>',
    );
  });

  it("raw: what it wraps stays Markdown, a code block included, with its {{ }} as written", () => {
    expect(liquid("{% raw %}\n```liquid\n{{ page.title }}\n```\n{% endraw %}")).toBe(
      '<pre><code class="language-liquid">{{ page.title }}</code></pre>',
    );
  });

  it("leaves Liquid's logic out, saying so, a comment silently, and never takes LoveIt's link for Jekyll's", () => {
    const { html: shown, warnings } = shortcodeHtml(
      'A\n\n{% for f in page.filters %}\n[{{ f }}]: /x\n{% endfor %}\n{% assign a = 1 %}\n{% comment %}\nnote to self\n{% endcomment %}\n\nSee [plugins]({% link _docs/plugins.md %}), {{< link "https://x.example/" X >}}.',
      {},
      { liquid: true },
    );
    // Jekyll's {% link %} is a link to a file of the site; LoveIt's {{< link >}} one to any address.
    expect(shown).toBe(
      '<p>A</p><p>See <a href="/folio-ref/docs%2Fplugins.md/">plugins</a>, <a href="https://x.example/"><span>X</span></a>.</p>',
    );
    expect(shortcodeHtml("{{< liquid-link _posts/a.md >}}").warnings).toEqual(["1: unknown shortcode `liquid-link`"]);
    expect(warnings).toEqual([
      "3: `{% for %}`: Folio does not run Liquid's logic, so the tag and what it wraps are left out",
      "6: `{% assign %}`: Folio does not run Liquid's logic, so the tag and what it wraps are left out",
    ]);
  });

  it("details: a native <details>, its summary read as Markdown, closed unless open; FixIt's by position", () => {
    expect(html('{{< details summary="See *the* code" >}}\nHidden **text**.\n{{< /details >}}')).toBe(
      "<details><summary>See <em>the</em> code</summary><p>Hidden <strong>text</strong>.</p></details>",
    );
    expect(html('{{< details "More" true >}}\nShown.\n{{< /details >}}')).toBe(
      "<details open><summary>More</summary><p>Shown.</p></details>",
    );
    expect(html("{{< details >}}\nx\n{{< /details >}}")).toContain("<summary>Details</summary>");
  });

  it("env: the content for production, which the published site is; nothing for another environment", () => {
    expect(html('{{< env "production" >}}\nLive.\n{{< /env >}}\n\n{{< env "development" >}}\nLocal.\n{{< /env >}}')).toBe("<p>Live.</p>");
  });

  it("fixit-encryptor: the protected part is not published, the page says so and the author is told", () => {
    const { html: shown, warnings } = shortcodeHtml('{{< fixit-encryptor "secret" >}}\nThe **secret** plan.\n{{< /fixit-encryptor >}}');
    expect(shown).not.toContain("secret");
    expect(withoutIcons(shown)).toBe(
      '<div class="markdown-alert markdown-alert-caution"><p class="markdown-alert-title">[icon]Protected content</p><p>This part of the post is protected by a password on its original site, and is not published here.</p></div>',
    );
    expect(warnings).toEqual(["1: `fixit-encryptor`: Folio cannot protect content with a password, so this part is left out of the site"]);
  });

  it("center-quote and echarts: a centred quote; the chart's definition as code", () => {
    expect(html("{{< center-quote >}}\n**Stay** curious.\n{{< /center-quote >}}")).toBe(
      '<blockquote class="center-quote"><p><strong>Stay</strong> curious.</p></blockquote>',
    );
    expect(html('{{< echarts >}}\n{"title": {"text": "Sales"}}\n{{< /echarts >}}')).toBe(
      '<pre><code class="language-echarts">{"title": {"text": "Sales"}}</code></pre>',
    );
  });

  it("math: its TeX rendered as the post's other formulas are, display or inline as its delimiters or its lines say", () => {
    expect(formulas(html("{{< math >}}\n$$c = \\pm\\sqrt{a^2 + b^2}$$\n{{< /math >}}"))).toEqual(["display: c = \\pm\\sqrt{a^2 + b^2}"]);
    expect(formulas(html("Norm: {{< math >}}$\\|x\\|_{0}=\\sqrt[0]{\\sum_{i} x_{i}^{0}}${{< /math >}} here."))).toEqual([
      "inline: \\|x\\|_{0}=\\sqrt[0]{\\sum_{i} x_{i}^{0}}",
    ]);
    expect(formulas(html("{{< math >}}\nx_1 * y_2\n= z\n{{< /math >}} and {{< math >}}a_1{{< /math >}}"))).toEqual([
      "display: x_1 * y_2= z", // html() drops line breaks
      "inline: a_1",
    ]);
    // With `math: false` the post has no math: the TeX shows as written.
    expect(html("{{< math >}}$x_1${{< /math >}}", { math: false })).toBe('<p><span class="math math-inline">$x_1$</span></p>');
  });

  it("aplayer, audio and music: each track with the browser's own player, loading nothing until played; a service's song as a link", () => {
    expect(
      html(
        '{{< aplayer fixed=false theme="#b7daff" >}}\n    {{< audio name="Wavelength" artist="oldmanyoung" url="/music/Wavelength.mp3" />}}\n    {{< audio name="Two" url="two.mp3" >}}\n        [00:00.00]APlayer audio1\n        [00:04.01]is amazing\n    {{< /audio >}}\n{{< /aplayer >}}',
      ).replace(/>\s+</g, "><"), // the tracks are indented in the post (html() drops line breaks)
    ).toBe(
      '<div class="audio-list">' +
        '<figure class="audio-track"><figcaption>Wavelength — oldmanyoung</figcaption><audio controls preload="none" src="/music/Wavelength.mp3"></audio></figure>' +
        '<figure class="audio-track"><figcaption>Two</figcaption><audio controls preload="none" src="two.mp3"></audio><details><summary>Lyrics</summary><pre>APlayer audio1is amazing</pre></details></figure>' +
        "</div>",
    );
    expect(html('{{< music url="song.mp3" name="Song" >}}')).toContain('<audio controls preload="none" src="song.mp3"></audio>');
    expect(html("{{< music netease song 1868553 >}}")).toContain('<a href="https://music.163.com/#/song?id=1868553">');
    expect(html('{{< music auto="https://music.163.com/#/playlist?id=60198" >}}')).toContain(
      '<a href="https://music.163.com/#/playlist?id=60198">',
    );
    expect(shortcodeHtml("{{< music xiami song 1 >}}").warnings).toEqual([
      "1: `music`: Folio links songs, playlists and albums on netease and tencent only, so this one is left out",
    ]);
    expect(() => html('{{< audio name="x" />}}')).toThrow('`audio` needs the file: url="song.mp3"');
  });

  it("bluesky, mapbox, spotify, douyin, asciinema-embed, caniuse and gh-repo-card: link cards, nothing loaded from those sites", () => {
    const card = (markdown: string) =>
      /<a href="([^"]*)"><span class="link-card-title">([^<]*)<\/span><span class="link-card-site">([^<]*)</.exec(html(markdown))?.slice(1);
    expect(card('{{< bluesky link="https://bsky.app/profile/bsky.app/post/3l6oveex3ii2l" >}}')).toEqual([
      "https://bsky.app/profile/bsky.app/post/3l6oveex3ii2l",
      "A post by @bsky.app",
      "Bluesky",
    ]);
    expect(card("{{< mapbox 121.485 31.233 12 >}}")).toEqual([
      "https://www.openstreetmap.org/?mlat=31.233&#x26;mlon=121.485#map=12/31.233/121.485",
      "Map: 31.233, 121.485",
      "OpenStreetMap",
    ]);
    expect(card('{{< spotify type="track" id="5Z2MiIZ5I3jJvvmeWMLbOQ" >}}')?.[0]).toBe(
      "https://open.spotify.com/track/5Z2MiIZ5I3jJvvmeWMLbOQ",
    );
    expect(card("{{< douyin 7179577006185614592 >}}")?.[0]).toBe("https://www.douyin.com/video/7179577006185614592");
    expect(card("{{< asciinema-embed 335480 >}}")?.[0]).toBe("https://asciinema.org/a/335480");
    expect(card('{{< caniuse feature="css-grid" >}}')?.[1]).toBe("Browser support for css-grid");
    expect(html('{{< gh-repo-card-container >}}\n{{< gh-repo-card repo="hugo-fixit/FixIt" >}}\n{{< /gh-repo-card-container >}}')).toBe(
      '<div class="link-card-grid"><p class="link-card"><a href="https://github.com/hugo-fixit/FixIt"><span class="link-card-title">hugo-fixit/FixIt</span><span class="link-card-site">GitHub</span></a></p></div>',
    );
    expect(() => html("{{< mapbox north south >}}")).toThrow("`mapbox` needs the place's longitude and latitude");
  });

  it("showcase: a card with the image, its linked title (no heading) and summary; friend by position, or left out with no address", () => {
    expect(html('{{< showcase "DoIt" "A theme." "cover.webp" "https://example.com/" >}}')).toBe(
      '<div class="showcase"><img src="cover.webp" alt=""><p class="showcase-title"><a href="https://example.com/">DoIt</a></p><p>A theme.</p></div>',
    );
    expect(html('{{< friend "Ada" "https://ada.example/" "" "Writes code." >}}')).toContain(
      '<span class="link-card-site">Writes code.</span>',
    );
    const empty = shortcodeHtml('{{< friend name="" url="" >}}');
    expect(empty.html).toBe("");
    expect(empty.warnings).toEqual(['1: `friend` has no address, so it is left out: add url="https://…"']);
  });

  it("file-tree: the tree between its tags (YAML, JSON or TOML) as nested lists, folders folding, open to its level", () => {
    const yaml =
      "- name: src\n  type: dir\n  children:\n    - name: lib\n      type: dir\n      children:\n        - name: a.ts\n    - name: index.ts\n- name: README.md\n- name: .git";
    expect(html(`{{< file-tree folder_slash=true highlight_list="index.ts" ignore_list=".git" >}}\n${yaml}\n{{< /file-tree >}}`)).toBe(
      '<div class="file-tree"><ul>' +
        '<li class="file-tree-folder"><details open><summary>src/</summary><ul>' +
        '<li class="file-tree-folder"><details><summary>lib/</summary><ul><li class="file-tree-file">a.ts</li></ul></details></li>' +
        '<li class="file-tree-file"><mark>index.ts</mark></li></ul></details></li>' +
        '<li class="file-tree-file">README.md</li></ul></div>',
    );
    const json = html(
      '{{< file-tree level=-1 >}}\n[{"name": "src", "type": "dir", "children": [{"name": "lib", "children": [{"name": "a.ts"}]}]}]\n{{< /file-tree >}}',
    );
    expect(json.match(/<details open>/g)).toHaveLength(2);
    const toml = html(
      '{{< file-tree >}}\n[[filetree]]\nname = "src"\ntype = "dir"\n\n[[filetree.children]]\nname = "index.ts"\n{{< /file-tree >}}',
    );
    expect(toml).toContain('<summary>src</summary><ul><li class="file-tree-file">index.ts</li></ul>');
    expect(shortcodeHtml('{{< file-tree path="content" />}}').warnings).toEqual([
      "1: `file-tree`: Folio reads the tree between its tags only (not `file=`, `data=` or a folder), so this one is left out",
    ]);
    expect(() => html("{{< file-tree >}}\n{ nope\n{{< /file-tree >}}")).toThrow(
      "`file-tree`: its tree is not JSON, YAML or TOML that Folio can read",
    );
  });

  it("timeline: the events in order, or reversed, each with its day and its Markdown", () => {
    const events = "events:\n  - timestamp: 2024-07-11\n    content: '**Success**'\n  - timestamp: 2024-07-13 09:30\n    content: Approved";
    expect(html(`{{< timeline >}}\n${events}\n{{< /timeline >}}`)).toBe(
      '<ol class="timeline"><li><p class="timeline-time">2024-07-11</p><div><strong>Success</strong></div></li><li><p class="timeline-time">2024-07-13 09:30</p><div>Approved</div></li></ol>',
    );
    expect(shortcodeHtml('{{< timeline data="example" />}}\n\n{{< echarts file="chart.json" />}}').warnings).toEqual([
      "1: `timeline`: Folio reads the events between its tags only (not `data=` or `file=`), so this one is left out",
      "3: `echarts`: Folio shows the chart's definition between its tags only (not `file=` or `data=`), so this one is left out",
    ]);
    expect(html(`{{< timeline reverse=true >}}\n${events}\n{{< /timeline >}}`)).toMatch(
      /^<ol class="timeline"><li><p class="timeline-time">2024-07-13 09:30/,
    );
  });

  it("auto-dark: its content in a box the dark scheme inverts", () => {
    expect(html("{{< auto-dark >}}\n![A diagram](d.png)\n{{< /auto-dark >}}")).toBe(
      '<div class="auto-dark"><p><img src="d.png" alt="A diagram"></p></div>',
    );
  });
});
