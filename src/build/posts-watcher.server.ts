import { statSync } from "node:fs";
import path from "node:path";
import { subscribe } from "@parcel/watcher";
import { isBundleIndex } from "../content/post-file-name.ts";
import { isDirectory, markdownBelow, mayBePost } from "./posts-folder.server.ts";

/** What happened to a post file, in the words of Vite's watcher (its `add`, `change` and `unlink` events). */
export type PostChange = "add" | "change" | "unlink";

/** A running watch: `close` ends it. */
export interface PostsWatch {
  close(): Promise<void>;
}

/** How long a file's events settle before it is reported: an editor's save can be several (write, rename, chmod). */
const SETTLE_MS = 10;

/**
 * Watches the posts folder and calls `report` for each post file (relative to it, `trip/index.md`)
 * added, changed or removed, once per burst of events. `known` are the post files there now.
 *
 * It uses @parcel/watcher (inotify on Linux, FSEvents on macOS), which sees every way a file is
 * written: in place, or as a new file renamed over the old one, as vim, JetBrains' safe write and
 * `git checkout` write them. (Node's recursive `fs.watch` followed a file's first rename-over save
 * and lost every later one.) A folder created, moved in or renamed is read for the posts it holds,
 * whose files the watch may not have seen appear; the posts of a folder removed or moved away are
 * removed. A change to another file of a page bundle (an image) is a change of its post: the site
 * reads its bundle's files again (`bundleChanged`) and the page shows the new file.
 */
export async function watchPosts(
  postsDir: string,
  known: Iterable<string>,
  report: (file: string, change: PostChange) => void,
  bundleChanged: (file: string) => void = () => {},
): Promise<PostsWatch> {
  const files = new Set(known);
  const pending = new Map<string, NodeJS.Timeout>();

  const settle = (file: string) => {
    pending.delete(file);
    const exists = isFile(path.join(postsDir, file));
    const change: PostChange | undefined = exists ? (files.has(file) ? "change" : "add") : files.has(file) ? "unlink" : undefined;
    if (!change) return;
    if (exists) files.add(file);
    else files.delete(file);
    report(file, change);
  };
  const schedule = (file: string) => {
    clearTimeout(pending.get(file));
    pending.set(file, setTimeout(settle, SETTLE_MS, file));
  };

  const subscription = await subscribe(postsDir, (error, events) => {
    if (error) return;
    for (const event of events) {
      const relative = path.relative(postsDir, event.path).split(path.sep).join("/");
      if (relative === "" || relative.startsWith("..")) continue;
      if (mayBePost(relative)) {
        schedule(relative);
        continue;
      }
      // A folder: the posts that were in it, and those it holds now.
      const inside = `${relative}/`;
      for (const file of files) if (file.startsWith(inside)) schedule(file);
      if (event.type !== "delete" && isDirectory(event.path)) {
        for (const file of markdownBelow(event.path, inside, () => true)) if (mayBePost(file)) schedule(file);
        continue;
      }
      // Another file of a page bundle (an image): its post's bundle changed.
      const folder = path.posix.dirname(relative);
      for (const file of files) {
        if (path.posix.dirname(file) === folder && isBundleIndex(path.posix.basename(file))) {
          bundleChanged(file);
          schedule(file);
        }
      }
    }
  });

  return {
    async close() {
      for (const timer of pending.values()) clearTimeout(timer);
      await subscription.unsubscribe();
    },
  };
}

const isFile = (file: string) => statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
