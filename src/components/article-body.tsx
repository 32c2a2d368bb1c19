import { Component, lazy, Suspense, useMemo, type ReactNode } from "react";
import type { ContentNode } from "../content/markdown/content-tree";
import type { RefLinks } from "../content/markdown/post-refs";
import type { ImageSizes } from "../content/post-images";
import { renderContent } from "./content";
import { codeComponents } from "./code-copy";
import { ImageGallery, galleryComponents } from "./image-gallery";

const galleryCodeComponents = { ...codeComponents, ...galleryComponents };

/** The article of a post with islands or diagrams (shortcode-island.tsx): only such a post's page loads it. */
const IslandContent = lazy(() => import("./shortcode-island"));

interface ArticleBodyProps {
  content: ContentNode[];
  lightgallery: boolean;
  /** It has interactive shortcodes (PostArticle.islands). */
  islands?: boolean;
  /** It has Mermaid diagrams (PostArticle.diagrams). */
  diagrams?: boolean;
  /** Where its links to other posts by file lead (PostArticle.links). */
  links?: RefLinks;
  /** Its images' sizes (PostArticle.images). */
  images?: ImageSizes;
  /** Shown above the body, inside the post's style scope: the featured image, which is then the page's first image. */
  children?: ReactNode;
}

/**
 * A post's rendered body. A post that cannot be rendered shows an error in its place, while the
 * header, navigation and the rest of the page keep working.
 */
export function ArticleBody({ content, lightgallery, islands, diagrams, links, images, children }: ArticleBodyProps) {
  const eagerFirst = !children;
  // The same post renders to the same elements: router updates that keep the post (the "loading"
  // state at the start of a navigation) then skip the whole body.
  const body = useMemo(() => {
    const components = lightgallery ? galleryCodeComponents : codeComponents;
    const options = { links, images: { sizes: images, eagerFirst } };
    let html: ReactNode;
    try {
      html = renderContent(content, components, options);
    } catch (error) {
      return <RenderError error={error} />;
    }
    // With islands or diagrams, the same article with each island's component in place of its HTML,
    // and each diagram's, once their code has arrived; until then (after a navigation) the HTML, which
    // looks the same.
    if (!islands && !diagrams) return html;
    return (
      <Suspense fallback={html}>
        <IslandContent content={content} components={components} options={options} diagrams={diagrams} render={renderContent} />
      </Suspense>
    );
  }, [content, lightgallery, islands, diagrams, links, images, eagerFirst]);
  // The frame contains the post's painting and positioning (CSS containment): even a post style that
  // makes its own elements `position: fixed` cannot cover the site. The post's scoped style can reach
  // .post-content (its scope root) and what is inside, never the frame around it.
  const frame = (
    <div className="post-frame">
      <div className="post-content">
        {children}
        <RenderBoundary>{body}</RenderBoundary>
      </div>
    </div>
  );
  return lightgallery ? <ImageGallery>{frame}</ImageGallery> : frame;
}

function RenderError({ error }: { error: unknown }) {
  return (
    <div role="alert" className="render-error">
      <p>
        <strong>This post could not be displayed.</strong> The rest of the site works; the author has been shown this error:
      </p>
      <pre>{error instanceof Error ? error.message : String(error)}</pre>
    </div>
  );
}

/** Catches errors React meets while putting the rendered post into the page (client side). */
class RenderBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  state = { error: undefined as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  render() {
    return this.state.error === undefined ? this.props.children : <RenderError error={this.state.error} />;
  }
}
