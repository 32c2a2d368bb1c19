import { cpSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { contrast, luminance } from "./colour";
import { servedSite } from "./served-site";

// Hugo's and the themes' shortcodes as a reader sees them in Chromium, a site's own shortcode, and
// what the build says of one it does not know.
const POST = `---
title: Shortcodes
date: 2024-05-01
mood: curious
---

Feeling {{< param mood >}} today.

{{< figure src="featured-image.png" title="The chart" caption="Cases *by* year" alt="A chart of cases" >}}

{{< admonition type=tip title="Before you start" >}}
Read the **manual**.
{{< /admonition >}}

{{< admonition warning "Folded away" false >}}
The hidden part.
{{< /admonition >}}

{{% notice info %}}
Learn's notice, with a [link](https://example.com/).
{{% /notice %}}

{{< highlight go >}}
func double(n int) int { return n * 2 }
{{< /highlight >}}

{{< youtube id="w7Ft2ymGmfc" title="The talk" >}}

{{< book title="Dune" >}}

{{< mystery >}}
Kept text of an unknown shortcode.
{{< /mystery >}}

\`\`\`markdown
{{</* figure src="x.png" */>}}
\`\`\`

Read [the other post]({{< ref "other.md#second-part" >}}) next.
`;

// The themes' other shortcodes (FixIt's and DoIt's), which run no script.
const THEMES = `---
title: The themes' other shortcodes
date: 2024-06-01
---

{{< details summary="See *the* answer" >}}
Forty-two.
{{< /details >}}

{{< env "production" >}}
Published text.
{{< /env >}}

{{< env "development" >}}
Local text.
{{< /env >}}

{{< fixit-encryptor "hunter2" >}}
The secret plan.
{{< /fixit-encryptor >}}

{{< center-quote >}}
Stay curious.
{{< /center-quote >}}

{{< echarts >}}
{"title": {"text": "Sales"}}
{{< /echarts >}}

{{< aplayer theme="#b7daff" >}}
    {{< audio name="Wavelength" artist="oldmanyoung" url="wavelength.mp3" />}}
{{< /aplayer >}}

{{< mapbox 121.485 31.233 12 >}}

{{< showcase "DoIt" "A Hugo theme." "featured-image.png" "https://example.com/" >}}

{{< file-tree folder_slash=true >}}
- name: src
  type: dir
  children:
    - name: lib
      type: dir
      children:
        - name: deep.ts
    - name: index.ts
- name: README.md
{{< /file-tree >}}

{{< timeline >}}
events:
  - timestamp: 2024-07-11
    content: Started
  - timestamp: 2024-07-15
    content: Shipped
{{< /timeline >}}

{{< auto-dark >}}
![A light diagram](featured-image.png)
{{< /auto-dark >}}
`;

// The rest of the built-in shortcodes: link cards, LoveIt's text shortcodes, DoIt's tabs and friend.
const CARDS = `---
title: Cards and text shortcodes
date: 2024-07-01
---

{{< gist spf13 7896402 >}}

{{< instagram CxOWiQNP2MO >}}

{{< x user="SanDiegoZoo" id="1453110110599868418" >}}

{{< tweet user="SanDiegoZoo" id="1453110110599868418" >}}

{{< bilibili BV1Sx411T7QQ >}}

{{< bluesky link="https://bsky.app/profile/bsky.app/post/3l6oveex3ii2l" >}}

{{< spotify type="track" id="5Z2MiIZ5I3jJvvmeWMLbOQ" >}}

{{< douyin 7179577006185614592 >}}

{{< asciinema-embed 335480 >}}

{{< caniuse feature="css-grid" >}}

{{< gh-repo-card-container >}}
{{< gh-repo-card repo="hugo-fixit/FixIt" >}}
{{< /gh-repo-card-container >}}

{{< music netease song 1868553 >}}

{{< image src="featured-image.png" caption="The *lighthouse*" >}}

Written with {{< person "https://dillonzq.com/" Dillon "author of LoveIt" >}}, see {{< link "https://example.com/" "the *site*" >}}.

{{< typeit >}}
Typed *slowly*
{{< /typeit >}}

{{< mermaid >}}
graph LR;
  A --> B
{{< /mermaid >}}

{{< raw >}}<b>Raw bold</b>{{< /raw >}}

{{< tabs >}}
{{% tab title="First tab" %}}
One.
{{% /tab %}}
{{% tab title="Second tab" %}}
Two.
{{% /tab %}}
{{< /tabs >}}

{{< friend name="Ada" url="https://ada.example/" bio="Writes code." >}}

{{% alert title="Heads up" color="warning" %}}
Docsy's alert.
{{% /alert %}}

{{< math >}}
$$E = mc^2$$
{{< /math >}}

Back to [the first post]({{< relref "other.md" >}}).

{{< script >}}
console.log("from the post");
{{< /script >}}

A {{< fa-icon brands js >}} JavaScript note.
`;

// Jekyll's and Hexo's Liquid tags, read in a post named as Jekyll names them.
const LIQUID = `---
title: Liquid tags
---

{% codeblock Array.map lang:js https://example.com/map MDN %}
[1].map(x => x * 2)
{% endcodeblock %}

{% note warning %}
Mind **this**.
{% endnote %}

{% blockquote David Levithan, Wide Awake %}
Do not just *dream*.
{% endblockquote %}

{% highlight ruby %}
def foo; end
{% endhighlight %}

See [the post]({% post_url 2024-07-03-target %}), {% post_link 2024-07-03-target %} and [again]({% link _posts/2024-07-03-target.md %}).

{% raw %}{{ page.title }}{% endraw %}
`;

const TARGET = "---\ntitle: The target\n---\n\nLinked to.\n";

const OTHER = "---\ntitle: Elsewhere\ndate: 2024-04-01\nslug: elsewhere\n---\n\n## First part\n\nText.\n\n## Second part\n\nMore.\n";

// A site's own shortcode: a React component in src/shortcodes/.
const BOOK = `import type { ShortcodeProps } from "./shortcode";

export default function Book({ args }: ShortcodeProps) {
  return <cite className="book">{args.title}</cite>;
}
`;

describe("shortcodes in the browser", () => {
  const site = servedSite(
    {
      "shortcodes/index.md": POST,
      "other.md": OTHER,
      "themes/index.md": THEMES,
      "cards/index.md": CARDS,
      "2024-07-02-liquid-tags.md": LIQUID,
      "2024-07-03-target.md": TARGET,
    },
    {
      prepare: (dir) => {
        for (const bundle of ["shortcodes", "themes", "cards"])
          cpSync(
            path.resolve("posts/ai-personalized-cancer-treatment/featured-image.png"),
            path.join(dir, `posts/${bundle}/featured-image.png`),
          );
        writeFileSync(path.join(dir, "src/shortcodes/book.tsx"), BOOK);
      },
    },
  );

  /** The post, open, with every request it made. */
  async function openPost(colorScheme: "light" | "dark" = "light"): Promise<{ page: Page; requests: string[] }> {
    const page = await site.browser.newPage({ colorScheme });
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(`${site.origin}/posts/shortcodes/`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Shortcodes");
    return { page, requests };
  }

  it("shows each shortcode as its author meant, and no shortcode braces outside code", async () => {
    const { page } = await openPost();
    const article = page.locator("article");
    expect(await article.getByText("Feeling curious today.").isVisible()).toBe(true);
    const figure = article.locator("figure:not(.code-figure)");
    expect(await figure.locator("figcaption").innerText()).toMatch(/The chart\s+Cases by year/);
    expect(
      await figure.getByRole("img", { name: "A chart of cases" }).evaluate((image: HTMLImageElement) => image.naturalWidth),
    ).toBeGreaterThan(0);
    expect(await article.locator(".markdown-alert-tip .markdown-alert-title").innerText()).toBe("Before you start");
    expect(await article.getByText("Read the manual.").isVisible()).toBe(true);
    expect(await article.locator(".markdown-alert-note .markdown-alert-title").innerText()).toBe("Info");
    expect(await article.locator("code.language-go").innerText()).toBe("func double(n int) int { return n * 2 }");
    expect(await article.getByRole("link", { name: /The talk/ }).getAttribute("href")).toBe("https://www.youtube.com/watch?v=w7Ft2ymGmfc");
    expect(await article.locator("cite.book").innerText()).toBe("Dune");
    expect(await article.getByText("Kept text of an unknown shortcode.").isVisible()).toBe(true);
    // The escaped shortcode shows as written, in its code block.
    expect((await article.locator("code.language-markdown").innerText()).trim()).toBe('{{< figure src="x.png" >}}');
    const prose = await article.evaluate((node) => {
      const copy = node.cloneNode(true) as HTMLElement;
      copy.querySelectorAll("pre, code").forEach((code) => code.remove());
      return copy.innerText;
    });
    expect(prose).not.toMatch(/\{\{[<%]|[>%]\}\}/);
    await page.close();
  });

  it("shows the themes' other shortcodes: details, env, a protected part left out, quotes, charts as code, audio, maps, showcases", async () => {
    const page = await site.browser.newPage();
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(`${site.origin}/posts/themes/`, { waitUntil: "networkidle" });
    const article = page.locator("article");
    // details: folded, opened from the keyboard.
    const answer = article.getByText("Forty-two.");
    expect(await answer.isVisible()).toBe(false);
    await article.locator("summary", { hasText: "See the answer" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => answer.isVisible()).toBe(true);
    // env: what the published site shows, only.
    expect(await article.getByText("Published text.").isVisible()).toBe(true);
    expect(await article.getByText("Local text.").count()).toBe(0);
    // fixit-encryptor: the protected part is nowhere in the page, which says so.
    expect(await page.content()).not.toContain("secret plan");
    expect(await article.locator(".markdown-alert-caution .markdown-alert-title").innerText()).toBe("Protected content");
    expect(await article.locator("blockquote.center-quote").evaluate((node) => getComputedStyle(node).textAlign)).toBe("center");
    expect(await article.locator("code.language-echarts").innerText()).toBe('{"title": {"text": "Sales"}}');
    // aplayer and audio: the browser's own player, with its controls, which fetched nothing yet.
    const audio = article.locator("figure.audio-track");
    expect(await audio.locator("figcaption").innerText()).toBe("Wavelength — oldmanyoung");
    expect(
      await audio
        .locator("audio")
        .evaluate((node: HTMLAudioElement) => [node.controls, node.preload, node.getBoundingClientRect().width > 200]),
    ).toEqual([true, "none", true]);
    expect(requests.filter((url) => url.endsWith(".mp3"))).toEqual([]);
    expect(await article.getByRole("link", { name: /Map: 31.233, 121.485/ }).getAttribute("href")).toBe(
      "https://www.openstreetmap.org/?mlat=31.233&mlon=121.485#map=12/31.233/121.485",
    );
    const showcase = article.locator(".showcase");
    expect(await showcase.locator("img").evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
    expect(await showcase.locator(".showcase-title").innerText()).toBe("DoIt");
    // file-tree: folders fold, open to the first level; a closed one opens from the keyboard.
    const tree = article.locator(".file-tree");
    expect(await tree.getByText("index.ts").isVisible()).toBe(true);
    expect(await tree.getByText("deep.ts").isVisible()).toBe(false);
    await tree.locator("summary", { hasText: "lib/" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => tree.getByText("deep.ts").isVisible()).toBe(true);
    expect(await article.locator("ol.timeline > li").allInnerTexts()).toEqual(["2024-07-11\n\nStarted", "2024-07-15\n\nShipped"]);
    expect(await article.locator(".auto-dark").evaluate((node) => getComputedStyle(node).filter)).toBe("none");
    expect(requests.filter((url) => !url.startsWith(site.origin))).toEqual([]);
    await page.close();
  });

  it("inverts auto-dark's content in the dark scheme", async () => {
    const page = await site.browser.newPage({ colorScheme: "dark" });
    await page.goto(`${site.origin}/posts/themes/`);
    await expect
      .poll(() => page.locator(".auto-dark").evaluate((node) => getComputedStyle(node).filter))
      .toBe("invert(1) hue-rotate(180deg)");
    await page.close();
  });

  it("shows the other sites' content as link cards, and LoveIt's and DoIt's text shortcodes, loading nothing from elsewhere", async () => {
    const page = await site.browser.newPage();
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(`${site.origin}/posts/cards/`, { waitUntil: "networkidle" });
    const article = page.locator("article");
    const cards = await article.locator(".link-card a").evaluateAll((links: HTMLAnchorElement[]) => links.map((link) => link.href));
    expect(cards).toEqual([
      "https://gist.github.com/spf13/7896402",
      "https://www.instagram.com/p/CxOWiQNP2MO/",
      "https://x.com/SanDiegoZoo/status/1453110110599868418",
      "https://x.com/SanDiegoZoo/status/1453110110599868418",
      "https://bsky.app/profile/bsky.app/post/3l6oveex3ii2l",
      "https://open.spotify.com/track/5Z2MiIZ5I3jJvvmeWMLbOQ",
      "https://www.douyin.com/video/7179577006185614592",
      "https://asciinema.org/a/335480",
      "https://caniuse.com/css-grid",
      "https://github.com/hugo-fixit/FixIt",
      "https://music.163.com/#/song?id=1868553",
      "https://ada.example/",
    ]);
    // Each card is a card: a bordered box in the page's colours.
    expect(
      await article
        .locator(".link-card a")
        .first()
        .evaluate((node) => getComputedStyle(node).display),
    ).toBe("flex");
    expect(await article.getByRole("link", { name: /bilibili/ }).getAttribute("href")).toBe("https://www.bilibili.com/video/BV1Sx411T7QQ");
    expect(await article.locator("figure figcaption.image-caption").innerText()).toBe("The lighthouse");
    expect(await article.locator("figure img").evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
    expect(await article.locator(".person-mention a").innerText()).toBe("Dillon");
    expect(await article.getByRole("link", { name: "the site" }).getAttribute("href")).toBe("https://example.com/");
    expect(await article.getByText("Typed slowly").isVisible()).toBe(true);
    // The mermaid shortcode's diagram, drawn by the build, its source folded under it.
    expect(await article.getByRole("img", { name: "Flowchart" }).locator("svg").isVisible()).toBe(true);
    expect(await article.locator(".diagram-source code.language-mermaid").textContent()).toBe("graph LR;\n  A --> B");
    expect(await article.locator("b", { hasText: "Raw bold" }).count()).toBe(1);
    expect(await article.locator(".tabs .tab-title").allInnerTexts()).toEqual(["First tab", "Second tab"]);
    expect(await article.getByText("Two.").isVisible()).toBe(true);
    expect(await article.locator(".markdown-alert-warning .markdown-alert-title").innerText()).toBe("Heads up");
    // DoIt's math shortcode: the formula rendered, its TeX kept for screen readers in the MathML.
    expect(await article.locator(".katex-display annotation").textContent()).toBe("E = mc^2");
    expect(await article.getByRole("link", { name: "the first post" }).getAttribute("href")).toBe("/posts/elsewhere/");
    // The script shortcode runs nothing and shows nothing; fa-icon draws no icon (Folio loads no icon font).
    expect(await page.content()).not.toContain("from the post");
    expect(await article.getByText(/A\s+JavaScript note\./).isVisible()).toBe(true);
    expect(requests.filter((url) => !url.startsWith(site.origin))).toEqual([]);
    await page.close();
  });

  it("reads Jekyll's and Hexo's Liquid tags in a post named as Jekyll names them", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/posts/liquid-tags/`, { waitUntil: "networkidle" });
    const article = page.locator("article");
    expect(await article.locator("figure.codeblock figcaption").innerText()).toMatch(/Array\.map\s*MDN/);
    expect(await article.locator("figure.codeblock code.language-js").innerText()).toBe("[1].map(x => x * 2)");
    expect(await article.locator(".markdown-alert-warning").innerText()).toContain("Mind this.");
    expect(await article.locator("blockquote .quote-source").innerText()).toBe("— David Levithan, Wide Awake");
    expect(await article.locator("code.language-ruby").innerText()).toBe("def foo; end");
    for (const name of ["the post", "The target", "again"])
      expect(await article.locator(".post-content").getByRole("link", { name, exact: true }).getAttribute("href")).toBe("/posts/target/");
    expect(await article.getByText("{{ page.title }}").isVisible()).toBe(true);
    const prose = await article.evaluate((node) => {
      const copy = node.cloneNode(true) as HTMLElement;
      copy.querySelectorAll("pre, code").forEach((code) => code.remove());
      return copy.innerText;
    });
    expect(prose).not.toMatch(/\{%|%\}/);
    await page.close();
  });

  it("links to another post by its file ({{< ref >}}), at the URL its slug gives it", async () => {
    const { page } = await openPost();
    const link = page.getByRole("link", { name: "the other post" });
    expect(await link.getAttribute("href")).toBe("/posts/elsewhere/#second-part");
    await link.click();
    await page.waitForURL(/\/posts\/elsewhere\/#second-part$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Elsewhere");
    await page.close();
  });

  it("loads the shortcodes' style sheet only on a post that uses them, also when the reader comes from another page", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/posts/elsewhere/`, { waitUntil: "networkidle" });
    expect(await page.locator('link[href*="shortcode-styles"]').count()).toBe(0);
    // To the post with shortcodes without a page load: its video card is styled as a card.
    await page.getByRole("link", { name: /Next post/ }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Shortcodes");
    await expect.poll(() => page.locator(".video-link a").evaluate((node) => getComputedStyle(node).display)).toBe("flex");
    await page.close();
  });

  it("names the unknown shortcode, with its file and line, when the site is built", () => {
    expect(site.output).toContain(
      'posts/shortcodes/index.md:31: warning: unknown shortcode `mystery`: its content is shown without it; add src/shortcodes/mystery.tsx to render it (README, "Shortcodes")',
    );
  });

  it("loads nothing from YouTube, or any other site, until the reader follows the video's link", async () => {
    const { page, requests } = await openPost();
    await page.waitForLoadState("networkidle");
    expect(requests.filter((url) => !url.startsWith(site.origin))).toEqual([]);
    await page.close();
  });

  it("opens a folded admonition from the keyboard", async () => {
    const { page } = await openPost();
    const hidden = page.getByText("The hidden part.");
    expect(await hidden.isVisible()).toBe(false);
    await page.getByText("Folded away").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => hidden.isVisible()).toBe(true);
    await page.close();
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`shows the figure's caption and the video link readably in the ${colorScheme} scheme`, async () => {
      const { page } = await openPost(colorScheme);
      const colours = (selector: string) =>
        page.locator(selector).evaluate((node) => {
          const background = (element: Element | null): string => {
            for (; element; element = element.parentElement) {
              const colour = getComputedStyle(element).backgroundColor;
              if (colour !== "rgba(0, 0, 0, 0)") return colour;
            }
            return "rgb(255, 255, 255)";
          };
          return [getComputedStyle(node).color, background(node)];
        });
      for (const selector of ["figcaption .figure-caption", ".video-link .video-title", ".video-link .video-site"]) {
        const [text, background] = await colours(selector);
        expect(contrast(text, background), `${selector} in ${colorScheme}`).toBeGreaterThanOrEqual(4.5);
      }
      // The card follows the scheme: dark on dark, light on light.
      const [, cardBackground] = await colours(".video-link a");
      expect(luminance(cardBackground) < 0.2).toBe(colorScheme === "dark");
      await page.close();
    });
  }
});
