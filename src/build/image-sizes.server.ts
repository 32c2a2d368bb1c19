import { closeSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";
import { imageSize } from "image-size";
import type { ImageSize } from "../content/post-images";
import { postPathOnDisk, staticFolder } from "./posts-folder.server";

/** image-size finds every format's size in its first bytes; JPEG's can follow a large EXIF block. image-size's own file reader reads as much. */
const HEADER_BYTES = 512 * 1024;

/**
 * Sizes read, by file, with the size and modification time the file had: an image changed beside
 * an unchanged post is read again (the parse cache keys on the post's text, so sizes are looked up
 * after it, when a page's data is made: content/post-images.ts).
 */
const read = new Map<string, { stamp: string; size: ImageSize | undefined }>();
/** In a build, each source's size as first read (on the dev server, files change while it runs: read is checked each time). */
const reading = new Map<string, { size: ImageSize | undefined }>();

/**
 * The size of a local image (an ImageSizer): a page bundle's file (`posts/<bundle>/<name>`), or a site
 * path under public/ or the static folder (`/images/a.png`). Undefined when there is no such file,
 * or it is not an image image-size reads. A JPEG turned by its EXIF orientation gives its size as shown.
 */
export function localImageSize(source: string): ImageSize | undefined {
  // A build reads each image once: a list page asks for each of its posts' images, and a build's
  // fingerprints of 10,000 posts' pages asked ~100,000 times (~4 s of stat calls per build, cached or not).
  const once = reading.get(source);
  if (once && !import.meta.env.DEV) return once.size;
  for (const file of filesFor(source)) {
    let stamp: string;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) continue;
      stamp = `${stat.size} ${stat.mtimeMs}`;
    } catch {
      continue;
    }
    const known = read.get(file);
    const size = known?.stamp === stamp ? known.size : sizeOf(file);
    read.set(file, { stamp, size });
    reading.set(source, { size });
    return size;
  }
  reading.set(source, { size: undefined });
  return undefined;
}

/** Where a source may be on disk, the file a build publishes first: the static folder's (static-output.server.ts copies it over public/'s). */
function filesFor(source: string): string[] {
  if (source.startsWith("posts/")) return [postPathOnDisk(source)];
  if (!source.startsWith("/")) return [];
  const folders = [staticFolder(), path.resolve("public")].filter((folder): folder is string => folder !== undefined);
  return folders.map((folder) => path.join(folder, source)).filter((file) => folders.some((folder) => file.startsWith(folder + path.sep)));
}

function sizeOf(file: string): ImageSize | undefined {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(Math.min(statSync(file).size, HEADER_BYTES));
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    const { width, height, orientation } = imageSize(buffer.subarray(0, length));
    if (!width || !height) return undefined;
    // EXIF orientations 5 to 8 turn the picture a quarter: the browser shows it height by width.
    return orientation !== undefined && orientation >= 5 ? { width: height, height: width } : { width, height };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
