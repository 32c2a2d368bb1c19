import { paths, resolveUrl, withBase } from "../paths";
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

/** An image of a page as the build found it: its size, and the `srcset` of its resized copies (imageVariants) when it has them. */
export interface SizedImage extends ImageSize {
  srcSet?: string;
}

/** The images of a post's page by their `src` as the page writes it (PostArticle.images). */
export type ImageSizes = Record<string, SizedImage>;

/** A post's image in a list of posts (PostSummary.thumbnail): its URL on the site, and its size and resized copies when the build could read it. */
export interface PostThumbnail extends Partial<SizedImage> {
  src: string;
}

/** The widths of the WebP copies a build makes of a page bundle's raster image (imageVariants), those narrower than the image. */
export const VARIANT_WIDTHS = [480, 960, 1600];
/** The widest copy: the image's own width, up to this, is the large one the gallery opens. */
export const LARGEST_VARIANT = 2400;
/** Raster images a build resizes, by file name: animated GIFs and vector SVGs are left as they are, as AVIF files already are small. */
export const RESIZED = /\.(png|jpe?g|webp)$/i;

/** A resized WebP copy of a page bundle's image, published beside it. */
export interface ImageVariant {
  /** Its file name: the image's, then the width (`chart.png.480w.webp`). */
  name: string;
  width: number;
}

/**
 * The WebP copies a build makes of a page bundle's image `name` of `size`: one for each of
 * VARIANT_WIDTHS narrower than the image, and one at its own width (at most LARGEST_VARIANT). None
 * for a file it does not resize.
 */
export function imageVariants(name: string, size: ImageSize): ImageVariant[] {
  if (!RESIZED.test(name)) return [];
  const largest = Math.min(size.width, LARGEST_VARIANT);
  return [...VARIANT_WIDTHS.filter((width) => width < largest), largest].map((width) => ({ name: `${name}.${width}w.webp`, width }));
}

/** What the page needs of an image whose file is at `source`: its size, and with `variants` the srcset of a bundle image's copies. */
function sizedImage(source: string, size: ImageSize, post: ImagesOf, variants: boolean): SizedImage {
  if (!variants || !source.startsWith("posts/")) return size;
  const name = source.slice(source.lastIndexOf("/") + 1);
  const folder = withBase(paths.post(post.slug));
  const copies = imageVariants(name, size).map((variant) => `${folder}${encodeURIComponent(variant.name)} ${variant.width}w`);
  return copies.length > 0 ? { ...size, srcSet: copies.join(", ") } : size;
}

/** The page's image at `src` (as the page writes it) as the build finds it, or undefined when it has no file the build can read. */
export function findImage(src: string, post: ImagesOf, imageSize: ImageSizer, variants: boolean): SizedImage | undefined {
  const source = imageSource(src, post);
  const size = source === undefined ? undefined : imageSize(source);
  return size && sizedImage(source!, size, post, variants);
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

/** The `src` of every image of an article, as the page writes it, each once in order (Post.imageSrcs). */
export function imageSrcsOf(content: readonly ContentNode[]): string[] {
  const srcs = new Set<string>();
  const visit = (nodes: readonly ContentNode[]) => {
    for (const node of nodes) {
      if (typeof node === "string") continue;
      const [type, props, ...children] = node as [string, ContentProps | 0, ...ContentNode[]];
      if (type === "img" && props && typeof props.src === "string") srcs.add(props.src);
      visit(children);
    }
  };
  visit(content);
  return [...srcs];
}

/**
 * The sizes of the images of a post's page, by the `src` the page gives them: its article's images
 * (`srcs`: Post.imageSrcs) whose file the build could read, and its featured image (`featuredSrc`, as
 * the page writes it); with `variants`, with the srcset of a bundle image's resized copies.
 */
export function articleImageSizes(
  srcs: readonly string[],
  post: ImagesOf,
  { imageSize, variants = false, featuredSrc }: { imageSize: ImageSizer; variants?: boolean; featuredSrc?: string },
): ImageSizes | undefined {
  const sizes: ImageSizes = {};
  for (const src of featuredSrc ? [featuredSrc, ...srcs] : srcs) {
    if (src in sizes) continue;
    const found = findImage(src, post, imageSize, variants);
    if (found) sizes[src] = found;
  }
  return Object.keys(sizes).length > 0 ? sizes : undefined;
}

/**
 * The attributes the build adds to an article's `<img>`: its width and height from its file (so the
 * page does not move as it loads; an author's own width, or height, is kept and the other follows the
 * image's proportions), `decoding="async"`, and `loading="lazy"` unless it is `eager` (the first
 * image of the page, which is likely on the first screen); and the srcset of its resized copies, with
 * `sizes` for the width it is shown at. An author's own `loading` or `decoding` wins.
 */
export function sizedImageProps(props: ContentProps, image: SizedImage | undefined, eager: boolean): ContentProps {
  const sized: ContentProps = { loading: eager ? "eager" : "lazy", decoding: "async", ...props };
  if (!image) return sized;
  const width = Number(props.width);
  const height = Number(props.height);
  let shown: number | undefined = width > 0 ? width : undefined;
  if (props.width === undefined && props.height === undefined) {
    Object.assign(sized, { width: image.width, height: image.height });
    shown = image.width;
  } else if (props.height === undefined && width > 0) {
    sized.height = Math.round((width * image.height) / image.width);
  } else if (props.width === undefined && height > 0) {
    shown = Math.round((height * image.width) / image.height);
    sized.width = shown;
  }
  if (image.srcSet && props.srcSet === undefined) {
    sized.srcSet = image.srcSet;
    sized.sizes = shownSizes(shown ?? ARTICLE_WIDTH);
  }
  return sized;
}

/** The article's widest, in CSS pixels: `--measure` (44rem) in app.css. */
const ARTICLE_WIDTH = 704;

/** The `sizes` of an image shown `width` pixels wide, or as wide as the article when it is wider: the screen's width on a narrower screen. */
export function shownSizes(width: number): string {
  const shown = Math.min(width, ARTICLE_WIDTH);
  return `(max-width: ${shown}px) 100vw, ${shown}px`;
}

/** The URL of the widest candidate in a srcset (`a.480w.webp 480w, a.960w.webp 960w`): the large copy the gallery opens. */
export function largestCandidate(srcSet: string): string | undefined {
  let largest: { url: string; width: number } | undefined;
  for (const candidate of srcSet.split(/,\s+/)) {
    const [url, descriptor = ""] = candidate.trim().split(/\s+/);
    const width = Number.parseInt(descriptor, 10);
    if (url && (!largest || width > largest.width)) largest = { url, width };
  }
  return largest?.url;
}
