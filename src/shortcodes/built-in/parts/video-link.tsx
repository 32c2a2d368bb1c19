import { useEffect, useRef, useState, type MouseEvent } from "react";

interface VideoLinkProps {
  /** The video's page on its site, where the link goes without script (and with a modifier key). */
  href: string;
  /** The site's player for the video, which a click loads in place: an origin page-html.server.ts's frame-src allows. */
  player: string;
  site: string;
  title?: string;
}

/**
 * A video on another site, shown as a link to it with its title: the page makes no request to that
 * site (no player, no thumbnail, no cookie) until the reader asks for the video. A click (or Enter)
 * then plays it in place, in the site's player, and moves the focus there; a click with a modifier
 * key, or any click before the page's script runs, follows the link.
 */
export function VideoLink({ href, player, site, title }: VideoLinkProps) {
  const [playing, setPlaying] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    if (playing) frame.current?.focus();
  }, [playing]);
  const label = title || `Watch the video on ${site}`;
  const play = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    setPlaying(true);
  };
  if (playing)
    return (
      <p className="video-link video-playing">
        <iframe ref={frame} src={player} title={label} allow="autoplay; encrypted-media; fullscreen; picture-in-picture" allowFullScreen />
      </p>
    );
  return (
    <p className="video-link">
      <a href={href} onClick={play}>
        {/* The play sign is drawn by the style sheet, with no text for screen readers (the sanitiser drops aria-hidden). */}
        <span className="video-play" />
        <span className="video-title">{label}</span>
        <span className="video-site">{site}</span>
      </a>
    </p>
  );
}
