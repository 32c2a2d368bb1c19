import { loadSite } from "../build/site.server";
import { sitemapXml } from "../content/sitemap.server";

/** `/sitemap.xml`: every public URL with its last change. */
export async function loader() {
  return new Response(sitemapXml(await loadSite()), { headers: { "Content-Type": "application/xml; charset=utf-8" } });
}
