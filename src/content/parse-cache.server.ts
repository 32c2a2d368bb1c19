import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { codeVersion } from "./code-version.server";
import type { ParsedPost, PostFile } from "./parse-post.server";

/**
 * An on-disk cache of parsed posts, so that a rebuild, or a dev server start, parses only the posts
 * that changed. An entry is keyed by a hash of everything a parse depends on:
 * - the post: its path, its text and the names of the files beside it;
 * - the code that parses it, dependencies included (code-version.server.ts).
 * Change any of them and the post is parsed again. Entries no build used are deleted at the end of
 * a build (`pruneParseCache`). Delete the folder to start afresh; nothing else is kept there.
 */
export const PARSE_CACHE_DIR = path.resolve(".folio-cache", "posts");

function entryPath(file: PostFile): string {
  const key = createHash("sha256")
    .update(codeVersion())
    .update(`\0${file.file}\0${(file.bundleFiles ?? []).join("/")}\0`)
    .update(file.source)
    .digest("hex");
  return path.join(PARSE_CACHE_DIR, `${key}.json`);
}

// Shared by every copy of this module in the process (a build loads it in the config and in the server bundle).
const used: Set<string> = ((globalThis as { __folioCacheUsed?: Set<string> }).__folioCacheUsed ??= new Set());

/** parsePost through the cache: read the entry if there is one, else parse and store it. Parse errors are not cached. */
export function cachedParse(file: PostFile, parse: (file: PostFile) => ParsedPost): ParsedPost {
  const entry = entryPath(file);
  used.add(path.basename(entry));
  try {
    const stored = JSON.parse(readFileSync(entry, "utf8")) as ParsedPost;
    stored.post.source = file.source;
    return stored;
  } catch {
    // No entry, or an unreadable one: parse.
  }
  const parsed = parse(file);
  mkdirSync(PARSE_CACHE_DIR, { recursive: true });
  const { source: _source, ...post } = parsed.post;
  writeFileSync(entry, JSON.stringify({ ...parsed, post }));
  return parsed;
}

/** Deletes the entries this process did not use: old versions of posts, removed posts, old code. */
export function pruneParseCache(): void {
  let names: string[];
  try {
    names = readdirSync(PARSE_CACHE_DIR);
  } catch {
    return;
  }
  for (const name of names) if (!used.has(name)) rmSync(path.join(PARSE_CACHE_DIR, name), { force: true });
}
