import { useState, useSyncExternalStore } from "react";

const noChanges = () => () => {};

/** false in the prerendered page and while React hydrates it, true from then on: React's own way to render client-only UI. */
function useInteractive(): boolean {
  return useSyncExternalStore(
    noChanges,
    () => true,
    () => false,
  );
}

/**
 * "Copy link" and, where the browser has the Web Share API, "Share…" for a page. They need script,
 * so they appear once the page is interactive; the page's URL itself is the link to share.
 */
export function ShareButtons({ url, title }: { url: string; title: string }) {
  const interactive = useInteractive();
  const [status, setStatus] = useState("");
  if (!interactive) return null;
  const canShare = typeof navigator.share === "function";

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setStatus("Link copied");
    } catch {
      setStatus("Could not copy: copy the address from the address bar");
    }
  }

  async function share() {
    try {
      await navigator.share({ title, url });
    } catch {
      // The reader closed the share sheet: nothing to do.
    }
  }

  return (
    <div className="share" role="group" aria-label="Share this post">
      <button type="button" onClick={copy}>
        Copy link
      </button>
      {canShare && (
        <button type="button" onClick={share}>
          Share…
        </button>
      )}
      <span role="status" className="share-status">
        {status}
      </span>
    </div>
  );
}
