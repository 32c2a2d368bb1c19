/** Image types a page bundle may hold beside its index.md, published beside the post's page, by file extension. */
export const BUNDLE_FILE_TYPES: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".svg": "image/svg+xml",
};

/** The media type of a file in a page bundle (`chart.PNG`: `image/png`), if the bundle may publish it. */
export function bundleFileType(name: string): string | undefined {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? BUNDLE_FILE_TYPES[name.slice(dot).toLowerCase()] : undefined;
}
