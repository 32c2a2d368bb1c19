import { Link, useHref } from "react-router";
import { formatCalendarDate } from "../content/calendar-date";
import type { ArchiveEntry, PostArticle, PostLink } from "../content/post";
import { absoluteUrl, paths, resolveUrl } from "../paths";
import { shownSizes } from "../content/post-images";
import shortcodeStyles from "./shortcode-styles.css?url";
import shortcodeStylesText from "./shortcode-styles.css?inline";
import mathStyles from "./math-styles.css?url";
import mathStylesText from "./math-styles.css?inline";
import diagramStyles from "./mermaid-diagram.css?url";
import diagramStylesText from "./mermaid-diagram.css?inline";
import { ArticleBody } from "./article-body";
import { ShareButtons } from "./share-buttons";
import { PostMeta } from "./post-meta";
import { TableOfContents } from "./table-of-contents";

/** A full post: header, featured image, table of contents, body and the links after it (related posts, previous and next). */
export function Article({
  post,
  older,
  newer,
  related = [],
}: {
  post: PostArticle;
  older?: PostLink;
  newer?: PostLink;
  related?: ArchiveEntry[];
}) {
  const showToc = post.toc && post.headings.length > 0;
  // The post's URL under the base path: its Markdown source is beside it. A page bundle's images are
  // at the bundle's own URL, which a translation (`/fr/posts/<slug>/`) shares with the site's post.
  const postUrl = useHref(post.url);
  const bundleUrl = useHref(paths.post(post.slug));
  const featuredSrc = post.featuredImage && resolveUrl(post.featuredImage, bundleUrl);
  const featured = featuredSrc ? post.images?.[featuredSrc] : undefined;
  return (
    <div className={showToc ? "post-layout with-toc" : "post-layout"}>
      <article className="post" aria-labelledby="post-title">
        {/* Only a post with shortcodes, or with formulas, loads their style sheet (KaTeX's: its fonts load as the formulas need them). */}
        {post.shortcodes && <PostStyleSheet href={shortcodeStyles} text={shortcodeStylesText} />}
        {post.math && <PostStyleSheet href={mathStyles} text={mathStylesText} />}
        {/* A post with diagrams: their box, their source's fold, their error (0.4 KB gzip). */}
        {(post.drawnDiagrams || post.diagrams) && <PostStyleSheet href={diagramStyles} text={diagramStylesText} />}
        <header>
          <h1 id="post-title">{post.title}</h1>
          <PostMeta post={post} />
          {post.translations && <Translations post={post} />}
        </header>
        {showToc && <TableOfContents headings={post.headings} />}
        <ArticleBody
          key={post.slug}
          content={post.content}
          lightgallery={post.lightgallery}
          islands={post.islands}
          diagrams={post.diagrams}
          links={post.links}
          images={post.images}
        >
          {featuredSrc && (
            // The page's first image, at its top (often its largest paint): fetched first, sized so that the article below does not move.
            <img
              className="featured-image"
              src={featuredSrc}
              alt=""
              loading="eager"
              fetchPriority="high"
              decoding="async"
              {...featured}
              sizes={featured?.srcSet && shownSizes(featured.width)}
            />
          )}
        </ArticleBody>
        <footer className="post-footer">
          <ShareButtons url={absoluteUrl(post.url)} title={post.title} />
          {post.linkToMarkdown && (
            <p>
              <a href={resolveUrl("index.md", postUrl)}>Read the Markdown source</a>
            </p>
          )}
          {related.length > 0 && <RelatedPosts posts={related} />}
          {/* prefetch="intent": a pointer resting on a link, or focus, fetches that post's data before the click. */}
          <nav className="post-nav" aria-label="More posts">
            {older && (
              <Link to={older.url} rel="prev" prefetch="intent">
                <span>Previous post</span> {older.title}
              </Link>
            )}
            {newer && (
              <Link to={newer.url} rel="next" prefetch="intent">
                <span>Next post</span> {newer.title}
              </Link>
            )}
          </nav>
        </footer>
      </article>
    </div>
  );
}

/** "Related posts": links to the posts most like this one, with their dates. */
function RelatedPosts({ posts }: { posts: ArchiveEntry[] }) {
  return (
    <section className="related-posts" aria-labelledby="related-title">
      <h2 id="related-title">Related posts</h2>
      <ul>
        {posts.map((post) => (
          <li key={post.url}>
            <Link to={post.url} prefetch="intent">
              {post.title}
            </Link>{" "}
            <time dateTime={post.date}>{formatCalendarDate(post.date)}</time>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * A style sheet only some posts need. React puts it in the head, before the post shows (in the
 * prerendered page, and when a reader comes from another page). The prerendered page carries it
 * inline (shortcodes' 1.0 KB gzip, KaTeX's 3.5 KB), as it does the site's style sheet: a style sheet
 * to fetch would hold the first paint back a round trip (Lighthouse mobile: 99). The browser's copy
 * links the file, for a reader who comes from another page, unless the page already has it inline;
 * the CSS text stays out of the JS.
 */
function PostStyleSheet({ href, text }: { href: string; text: string }) {
  if (import.meta.env.SSR && import.meta.env.PROD)
    return (
      <style href={href} precedence="folio">
        {text}
      </style>
    );
  return inPage(href) ? null : <link rel="stylesheet" href={href} precedence="folio" />;
}

/**
 * Whether the page already holds a style sheet inline: the prerendered page of a post that needs it
 * (React marks the hoisted `<style>` with its href). Linked as well, the browser fetched the file
 * after hydration and restyled the whole page: over a second of Lighthouse's throttled main thread
 * on a post of formulas. A style sheet is a resource React hoists, not hydrated in place, so leaving
 * it out here is no mismatch.
 */
function inPage(href: string): boolean {
  return typeof document !== "undefined" && document.querySelector(`style[data-href="${CSS.escape(href)}"]`) !== null;
}

/** "Also in: Français, 简体中文": links to the post's other languages, each named in its own language. */
function Translations({ post }: { post: PostArticle }) {
  const others = post.translations!.filter((version) => version.url !== post.url);
  return (
    <p className="translations">
      Also in:{" "}
      {others.map((version, index) => (
        <span key={version.language}>
          {index > 0 && ", "}
          <Link to={version.url} hrefLang={version.language} lang={version.language}>
            {version.name}
          </Link>
        </span>
      ))}
    </p>
  );
}
