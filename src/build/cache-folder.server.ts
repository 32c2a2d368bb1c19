import { readdirSync, rmSync } from "node:fs";
import path from "node:path";

/** The names in one of `.folio-cache/`'s folders; none when it does not exist yet. */
export function cacheEntries(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Deletes the entries (files or folders) of a cache folder whose names `used` lacks: what no build needs any more. */
export function removeUnused(dir: string, used: ReadonlySet<string>): void {
  for (const name of cacheEntries(dir)) if (!used.has(name)) rmSync(path.join(dir, name), { recursive: true, force: true });
}
