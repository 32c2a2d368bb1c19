import { paths, resolveUrl } from "../paths";
import { basePath } from "../site-config";
import type { ContentNode, ContentProps } from "./markdown/content-tree";

/** An image's intrinsic size in pixels, as the build read it from the file. */
export interface ImageSize {
  width: number;
  height: number;
}

/**
 * Reads a local image's size (build/image-sizes.server.ts), given where it is: a page bundle's file
 * as `posts/<bundle>/<name>`, or a site path (`/images/a.png`) under public/ or the static folder.
 * Undefined for a file that is missing or not an image.
 */
export type ImageSizer = (source: string) => ImageSize | undefined;

/** The images of a post's page by their `src` as the page writes it, with their sizes (PostArticle.images). */
export type ImageSizes = Record<string, ImageSize>;

/** A post's image in a list of posts (PostSummary.thumbnail): its URL on the site, and its size when the build could read it. */
export interface PostThumbnail extends Partial<ImageSize> {
  src: string;
}

/** What a post must say for its images to be found: its file, its URL segment and its bundle's files. */
interface ImagesOf {
  file: string;
  slug: string;
  assets: readonly string[];
}

/**
 * Where the file behind an image URL is, for an ImageSizer: `src` as an article writes it (resolved
 * against the post's page, under the base path) or as front matter does (relative to the post's
 * page: `featured-image.png`). A bundle's file is `posts/<bundle>/<name>`; another path on the
 * site is itself (`/images/a.png`); an image on another site has none.
 */
export function imageSource(src: string, post: ImagesOf): string | undefined {
  const resolved = resolveUrl(src, paths.post(post.slug));
  if (!resolved.startsWith("/") || resolved.startsWith("//")) return undefined;
  const sitePath = `/${resolved.replace(/[?#].*$/, "").slice(resolved.startsWith(basePath) ? basePath.length : 1)}`;
  let decoded: string;
  try {
    decoded = decodeURIComponent(sitePath);
  } catch {
    return undefined;
  }
  const bundleUrl = paths.post(post.slug);
  if (decoded.startsWith(bundleUrl)) {
    const name = decoded.slice(bundleUrl.length);
    if (post.assets.includes(name)) return `${post.file.slice(0, post.file.lastIndexOf("/"))}/${name}`;
  }
  return decoded;
}

/**
 * The sizes of the images of a post's page, by the `src` the page gives them: every `<img>` of its
 * article whose file the build could read, and its featured image (`featuredSrc`, as the page writes it).
 */
export function articleImageSizes(
  content: readonly ContentNode[],
  post: ImagesOf,
  imageSize: ImageSizer,
  featuredSrc?: string,
): ImageSizes | undefined {
  const sizes: ImageSizes = {};
  const add = (src: string) => {
    if (src in sizes) return;
    const source = imageSource(src, post);
    const size = source === undefined ? undefined : imageSize(source);
    if (size) sizes[src] = size;
  };
  if (featuredSrc) add(featuredSrc);
  const visit = (nodes: readonly ContentNode[]) => {
    for (const node of nodes) {
      if (typeof node === "string") continue;
      const [type, props, ...children] = node as [string, ContentProps | 0, ...ContentNode[]];
      if (type === "img" && props && typeof props.src === "string") add(props.src);
      visit(children);
    }
  };
  visit(content);
  return Object.keys(sizes).length > 0 ? sizes : undefined;
}

/**
 * The attributes the build adds to an article's `<img>`: its width and height from its file (so the
 * page does not move as it loads; an author's own width, or height, is kept and the other follows the
 * image's proportions), `decoding="async"`, and `loading="lazy"` unless it is `eager` (the first
 * image of the page, which is likely on the first screen). An author's own `loading` or `decoding` wins.
 */
export function sizedImageProps(props: ContentProps, size: ImageSize | undefined, eager: boolean): ContentProps {
  const sized: ContentProps = { loading: eager ? "eager" : "lazy", decoding: "async", ...props };
  if (!size) return sized;
  const width = Number(props.width);
  const height = Number(props.height);
  if (props.width === undefined && props.height === undefined) return { ...sized, width: size.width, height: size.height };
  if (props.height === undefined && width > 0) return { ...sized, height: Math.round((width * size.height) / size.width) };
  if (props.width === undefined && height > 0) return { ...sized, width: Math.round((height * size.width) / size.height) };
  return sized;
}
