import { getSite } from "../content/site.server";
import { sitemapXml } from "../content/sitemap.server";

/** `/sitemap.xml`: every public URL with its last change. */
export function loader() {
  return new Response(sitemapXml(getSite()), { headers: { "Content-Type": "application/xml; charset=utf-8" } });
}
