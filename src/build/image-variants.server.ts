import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { paths } from "../paths";
import { imageVariants, RESIZED, type ImageSize } from "../content/post-images";
import type { Site } from "../content/site-index.server";
import { count, print, seconds } from "./build-log.server";
import { localImageSize } from "./image-sizes.server";
import { postFileOnDisk } from "./site.server";
import { cacheEntries, removeUnused } from "./cache-folder.server";

/**
 * The resized copies of page bundles' images (content/post-images.ts, imageVariants), kept from one
 * build to the next: each is named by a hash of the image's bytes and of how it is encoded, so a
 * rebuild makes only the copies of images that changed, and posts that share an image share its
 * copies. `index.json` keeps each image's hash by its file's size and modification time, so that a
 * rebuild does not read the images again. Copies no build used are deleted at the end of a build.
 */
export const IMAGE_CACHE_DIR = path.resolve(".folio-cache", "images");
const INDEX = path.join(IMAGE_CACHE_DIR, "index.json");
/**
 * How copies are made, in their names: a change here makes them again. WebP at quality 80: for the
 * sample post's 1200 × 630 PNG (49 KB), copies of 5, 11 and 16 KB at 480, 960 and 1200 pixels, in
 * ~0.4 s of one core on this machine; AVIF (effort 2) made them a third smaller in five times as
 * long, too slow for a build of thousands of images.
 */
const ENCODING = `webp q80 sharp ${sharp.versions.sharp}`;
const QUALITY = 80;
// Each image is read once: libvips's cache of decoded images would only hold memory.
sharp.cache(false);

/** A copy to publish: where it is in the cache, and its path in the site (`posts/<slug>/chart.png.480w.webp`). */
export interface PublishedVariant {
  file: string;
  target: string;
}

type Index = Record<string, { stamp: string; hash: string; size?: ImageSize }>;

/**
 * Makes the copies of every page bundle image of the site that the cache lacks (in parallel, one
 * image per core), and returns every copy to publish beside its image. The pages' srcsets name the
 * same copies: both come from imageVariants.
 */
export async function imageVariantFiles(site: Site): Promise<PublishedVariant[]> {
  const started = performance.now();
  const known = readIndex();
  // The images of this build only: a removed image's entry goes.
  const index: Index = {};
  const published: PublishedVariant[] = [];
  const toMake = new Map<string, { source: string; widths: number[] }>();
  const seen = new Set<string>();
  for (const list of [site, ...site.languages.values()]) {
    for (const post of list.posts) {
      for (const name of post.assets) {
        if (!RESIZED.test(name)) continue;
        const source = postFileOnDisk(post, name);
        const entry = indexed(source, `${post.file.slice(0, post.file.lastIndexOf("/"))}/${name}`, known, index);
        const variants = entry?.size ? imageVariants(name, entry.size) : [];
        if (!entry || variants.length === 0) continue;
        const { hash } = entry;
        const folder = paths.post(post.slug).slice(1);
        for (const variant of variants) {
          const file = path.join(IMAGE_CACHE_DIR, `${hash}-${variant.width}.webp`);
          const target = `${folder}${variant.name}`;
          if (seen.has(target)) continue;
          seen.add(target);
          published.push({ file, target });
          used.add(path.basename(file));
        }
        if (!toMake.has(hash)) toMake.set(hash, { source, widths: variants.map((variant) => variant.width) });
      }
    }
  }
  const existing = new Set(cacheEntries(IMAGE_CACHE_DIR));
  const jobs = [...toMake].filter(([hash, { widths }]) => widths.some((width) => !existing.has(`${hash}-${width}.webp`)));
  mkdirSync(IMAGE_CACHE_DIR, { recursive: true });
  await inParallel(jobs, availableParallelism(), ([hash, { source, widths }]) => makeVariants(source, hash, widths));
  writeFileSync(INDEX, JSON.stringify({ encoding: ENCODING, images: index }));
  if (toMake.size > 0) {
    print(
      `folio: ${count(jobs.length)} of ${count(toMake.size)} page bundle images resized in ${seconds(started)} ` +
        `(the others' copies were in .folio-cache/images/); ${count(published.length)} copies published`,
    );
  }
  return published;
}

// The copies this build published: pruneImageCache keeps them.
const used = new Set<string>(["index.json"]);

/** Deletes the copies this build did not use: of images changed or removed, or made by an older encoding. */
export function pruneImageCache(): void {
  removeUnused(IMAGE_CACHE_DIR, used);
}

/** One image's copies at `widths`, decoded once, each written whole (to a temporary name, then renamed) into the cache. */
async function makeVariants(source: string, hash: string, widths: number[]): Promise<void> {
  // `rotate()` turns the picture as its EXIF orientation says (image-sizes.server.ts gives its size as shown).
  const image = sharp(source).rotate();
  await Promise.all(
    widths.map(async (width) => {
      const file = path.join(IMAGE_CACHE_DIR, `${hash}-${width}.webp`);
      const partial = `${file}.${process.pid}.partial`;
      await image.clone().resize({ width, withoutEnlargement: true }).webp({ quality: QUALITY }).toFile(partial);
      renameSync(partial, file);
    }),
  );
}

/**
 * An image's entry: the hash that names its copies (its bytes' and the encoding's) and its size,
 * read again only when the file's size or time changed: a rebuild reads no image.
 */
function indexed(file: string, source: string, known: Index, index: Index): Index[string] | undefined {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) return undefined;
  const stamp = `${stat.size} ${stat.mtimeMs}`;
  const entry =
    known[file]?.stamp === stamp && known[file].size
      ? known[file]
      : { stamp, hash: hashBytes(readFileSync(file)), size: localImageSize(source) };
  index[file] = entry;
  return entry;
}

function hashBytes(bytes: Buffer): string {
  return createHash("sha256").update(ENCODING).update("\0").update(bytes).digest("hex").slice(0, 32);
}

function readIndex(): Index {
  try {
    const index = JSON.parse(readFileSync(INDEX, "utf8")) as { encoding?: string; images?: Index };
    return index.encoding === ENCODING && index.images ? index.images : {};
  } catch {
    return {};
  }
}

/** Runs `work` on each item, `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
