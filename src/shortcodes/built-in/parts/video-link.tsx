/**
 * A video on another site, shown as a link to it with its title: a page that shows it makes no
 * request to that site (no player, no thumbnail, no cookie) until the reader follows the link.
 */
export function VideoLink({ href, site, title }: { href: string; site: string; title?: string }) {
  return (
    <p className="video-link">
      <a href={href}>
        {/* The play sign is drawn by the style sheet, with no text for screen readers (the sanitiser drops aria-hidden). */}
        <span className="video-play" />
        <span className="video-title">{title || `Watch the video on ${site}`}</span>
        <span className="video-site">{site}</span>
      </a>
    </p>
  );
}
