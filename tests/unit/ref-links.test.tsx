// @vitest-environment node
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ArticleBody } from "../../src/components/article-body";
import { ContentErrors } from "../../src/content/content-error";
import { articleOf, buildSite } from "../../src/content/site-index.server";
import { parsePost, type PostFile } from "../../src/content/parse-post.server";

const file = (name: string, frontMatter: string, body: string): PostFile => ({
  file: `posts/${name}`,
  source: `---\n${frontMatter}\n---\n${body}\n`,
});

const LINKING = file(
  "notes/linking.md",
  "title: Linking\ndate: 2024-05-01",
  [
    'See [the guide]({{< ref "guide/index.md#setup" >}}), [the guide again]({{< relref "/posts/guide" >}})',
    'and [a sibling]({{< ref "sibling.md" >}}), found from this post\'s folder.',
  ].join("\n"),
);
const files = [
  LINKING,
  file("guide/index.md", "title: Guide\ndate: 2024-04-01\nslug: the-guide", "## Setup\n\nText."),
  file("notes/sibling.md", "title: Sibling\ndate: 2024-03-01\nurl: /2024/03/sibling/", "Text."),
  file("2010-07-21-name.md", "title: Jekyll's\ndate: 2010-07-21", "Text."),
  file(
    "2011-01-01-jekyll.md",
    "title: Jekyll linking\ndate: 2011-01-01",
    "See [that]({% post_url 2010-07-21-name %}), [again]({% link _posts/2010-07-21-name.md %}), [the plugins]({% link _docs/plugins.md %}).",
  ),
  file(
    "2012-01-01-hexo.md",
    "title: Hexo linking\ndate: 2012-01-01",
    "Read {% post_link 2010-07-21-name %} and {% post_link notes/sibling The sibling %}.",
  ),
];

/** A post's page's article, as the reader gets it. */
function articleHtml(site: ReturnType<typeof buildSite>, name: string, built = files): string {
  const post = site.posts.find((each) => each.file === `posts/${name}`)!;
  const parsed = parsePost(built.find((each) => each.file === post.file)!);
  const article = articleOf(post, parsed.article, site);
  return renderToStaticMarkup(<ArticleBody content={article.content} lightgallery={false} links={article.links} />);
}

/** The links of a post's page, as the reader gets them. */
function linksOn(site: ReturnType<typeof buildSite>, name: string, built = files): string[] {
  return [...articleHtml(site, name, built).matchAll(/href="([^"]+)"/g)].map((match) => match[1]);
}

describe("links to other posts by file (ref, relref, post_url, link, post_link)", () => {
  it("lead to the posts' URLs, their own slug and url included, with the anchor", () => {
    const site = buildSite(files);
    expect(linksOn(site, "notes/linking.md")).toEqual(["/posts/the-guide/#setup", "/posts/the-guide/", "/2024/03/sibling/"]);
    // Jekyll's {% link %} too; a file of another collection is where Jekyll publishes it (with a warning).
    expect(linksOn(site, "2011-01-01-jekyll.md")).toEqual(["/posts/name/", "/posts/name/", "/docs/plugins/"]);
  });

  it("show the post's title for Hexo's post_link without text of its own", () => {
    expect(articleHtml(buildSite(files), "2012-01-01-hexo.md")).toContain(
      'Read <a href="/posts/name/">Jekyll&#x27;s</a> and <a href="/2024/03/sibling/">The sibling</a>.',
    );
  });

  it("lead to where Hugo publishes a page outside the posts folder, with a warning", () => {
    const about = file(
      "notes/about-link.md",
      "title: About link\ndate: 2024-05-01",
      '[About]({{< ref "about/index.en.md" >}}), [again]({{< ref "../../about" >}})',
    );
    const site = buildSite([...files, about]);
    expect(linksOn(site, "notes/about-link.md", [...files, about])).toEqual(["/about/", "/about/"]);
    expect(site.warnings.map((warning) => `${warning.file}:${warning.line}: ${warning.message}`)).toContain(
      'posts/notes/about-link.md:5: the link to "about/index.en.md" leads to a page outside the posts folder, which Folio does not publish: it points to /about/, where Hugo would',
    );
  });

  it("lead to where Hugo publishes a section (a folder of posts), with a warning", () => {
    const inNotes = file("notes/first.md", "title: First note\ndate: 2024-05-01", "A note.");
    const linking = file(
      "sections.md",
      "title: Sections\ndate: 2024-05-02",
      '[Notes]({{< relref "/notes" >}}), [again]({{< relref "./notes" >}})',
    );
    const site = buildSite([...files, inNotes, linking]);
    expect(linksOn(site, "sections.md", [...files, inNotes, linking])).toEqual(["/notes/", "/posts/notes/"]);
    expect(site.warnings.map((warning) => `${warning.file}:${warning.line}: ${warning.message}`)).toContain(
      'posts/sections.md:5: the link to "/notes" leads to a section (a folder of posts), whose own page Folio does not publish: it points to /notes/, where Hugo would',
    );
  });

  it("never take a path with other folders for a post of the same name elsewhere", () => {
    const echarts = file(
      "shortcodes/echarts/index.md",
      "title: ECharts shortcode\ndate: 2024-05-01",
      'See [the diagrams page]({{< relref "/documentation/diagrams-support/echarts" >}}).',
    );
    const site = buildSite([...files, echarts]);
    expect(linksOn(site, "shortcodes/echarts/index.md", [...files, echarts])).toEqual(["/documentation/diagrams-support/echarts/"]);
  });

  it("show the post's URL where a ref stands outside a link, as Hugo's does", () => {
    const bare = file("bare.md", "title: Bare\ndate: 2024-05-03", 'The guide lives at {{< relref "guide/index.md" >}} now.');
    const site = buildSite([...files, bare]);
    expect(articleHtml(site, "bare.md", [...files, bare])).toContain("<p>The guide lives at /posts/the-guide/ now.</p>");
    const gone = file("gone-bare.md", "title: Gone\ndate: 2024-05-03", 'At {{< relref "gone.md" >}}.');
    expect(() => buildSite([...files, gone])).toThrow('posts/gone-bare.md:5: the link to "gone.md" leads to no post');
  });

  it("stop the build when the target is no post, naming both", () => {
    const broken = file("broken.md", "title: Broken\ndate: 2024-05-01", 'Intro.\n\n[Gone]({{< ref "gone.md" >}})');
    expect(() => buildSite([...files, broken])).toThrow(ContentErrors);
    expect(() => buildSite([...files, broken])).toThrow(
      "posts/broken.md:7: the link to \"gone.md\" leads to no post: name a post's file, from the posts folder (posts/other.md) or from this post's folder (../other/index.md), or its file name alone",
    );
  });
});
