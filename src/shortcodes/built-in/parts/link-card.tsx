/**
 * Content on another site (a gist, a post on Instagram or X) shown as a link to it: a page that shows
 * it runs none of that site's script and makes no request to it until the reader follows the link.
 */
export function LinkCard({ href, site, title }: { href: string; site: string; title: string }) {
  return (
    <p className="link-card">
      <a href={href}>
        <span className="link-card-title">{title}</span>
        <span className="link-card-site">{site}</span>
      </a>
    </p>
  );
}
