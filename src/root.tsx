import { lazy, Suspense, type ReactNode } from "react";
import { isRouteErrorResponse, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useMatches } from "react-router";
import inlineStyles from "./app.css?inline";
import stylesheet from "./app.css?url";
import { BrokenPost } from "./components/broken-post";
import { NotFound } from "./components/not-found";
import { SCHEME_SCRIPT, SchemeSwitch } from "./components/scheme-switch";
import { SearchBox } from "./components/search-box";
import type { PostProblem } from "./content/content-error";
import { feedLinks } from "./routes/page-meta";
import { hydrates } from "./routes/route-handle";
import { paths, withBase } from "./paths";
import type { Route } from "./+types/root";
import { siteConfig } from "./site-config";

/** The dev server's notice of posts it cannot show (a build has no such posts: it stops on them), loaded on the dev server only. */
const DevProblems = import.meta.env.DEV
  ? lazy(() => import("./components/dev-problems").then(({ DevProblems }) => ({ default: DevProblems })))
  : null;

export const links: Route.LinksFunction = () => [
  // Built pages carry the style sheet inline (see Layout); the dev server links it, so edits to it hot-reload.
  ...(import.meta.env.DEV ? [{ rel: "stylesheet", href: stylesheet }] : []),
  { rel: "icon", href: withBase("/favicon.svg"), type: "image/svg+xml" },
  ...feedLinks(siteConfig.title, paths.home()),
];

/** The page shell around every route, error pages included: header, navigation, footer. */
export function Layout({ children }: { children: ReactNode }) {
  const matches = useMatches();
  const hydrate = hydrates(matches);
  // A translation's page (`/fr/posts/x/`) and a language's home say which language they are in.
  const language =
    matches.map((match) => (match.data as { language?: string } | undefined)?.language).findLast(Boolean) ?? siteConfig.language;
  return (
    // suppressHydrationWarning: the scheme script may have set data-scheme on <html> before React runs.
    <html lang={htmlLanguage(language)} dir={isRightToLeft(language) ? "rtl" : undefined} suppressHydrationWarning>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <script dangerouslySetInnerHTML={{ __html: SCHEME_SCRIPT }} />
        <Meta />
        {/* The site's style sheet, in the page (1.9 KB gzip): the first paint waits for no other
            request, which on a slow connection is a round trip sooner (Lighthouse mobile: FCP and
            Performance 100 with the preloads moved after the first paint, build/page-html.server.ts).
            Only the prerendered HTML holds it: the browser's copy renders the same element empty and
            keeps the prerendered text, so the CSS is not shipped again in the JS. */}
        {import.meta.env.PROD ? (
          <style dangerouslySetInnerHTML={{ __html: import.meta.env.SSR ? inlineStyles : "" }} suppressHydrationWarning />
        ) : null}
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <NavLink to={paths.home()} className="site-title" end>
            {siteConfig.title}
          </NavLink>
          <nav aria-label="Site">
            <ul>
              <li>
                <NavLink to={paths.home()} end>
                  Posts
                </NavLink>
              </li>
              <li>
                <NavLink to={paths.archive()} end>
                  Archive
                </NavLink>
              </li>
              <li>
                <NavLink to={paths.taxonomy("tags")}>Tags</NavLink>
              </li>
              <li>
                <NavLink to={paths.taxonomy("categories")}>Categories</NavLink>
              </li>
            </ul>
          </nav>
          <SearchBox />
          {/* A page without React's scripts (the 404 page) could not act on a choice: it shows the one made. */}
          {hydrate && <SchemeSwitch />}
        </header>
        {DevProblems && (
          <Suspense fallback={null}>
            <DevProblems />
          </Suspense>
        )}
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>{siteConfig.description}</p>
        </footer>
        {hydrate && (
          <>
            <ScrollRestoration />
            <Scripts />
          </>
        )}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** Any error a route throws: a not-found page for 404s, otherwise what went wrong, inside the site's shell. */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) return <NotFound />;
    // On the dev server, a post that cannot be shown, at its URL (routes/post.tsx).
    if (import.meta.env.DEV) {
      const problem = (error.data as { brokenPost?: PostProblem } | null)?.brokenPost;
      if (problem) return <BrokenPost problem={problem} />;
    }
    return (
      <section className="route-error" role="alert">
        <h1>
          {error.status} {error.statusText}
        </h1>
        <p>This page could not be loaded. Try again, or go to the home page.</p>
      </section>
    );
  }
  return (
    <section className="route-error" role="alert">
      <h1>Something went wrong</h1>
      <p>This page could not be shown. The rest of the site still works.</p>
      {error instanceof Error ? <pre>{import.meta.env.DEV ? error.stack : error.message}</pre> : null}
    </section>
  );
}

/** A language code as HTML writes it: `zh-cn` is `zh-CN`. */
function htmlLanguage(language: string): string {
  try {
    return Intl.getCanonicalLocales(language)[0];
  } catch {
    return language;
  }
}

/** Languages written right to left. */
const RIGHT_TO_LEFT = new Set(["ar", "he", "fa", "ur", "yi", "ps", "dv", "ku", "sd", "ug"]);
const isRightToLeft = (language: string) => RIGHT_TO_LEFT.has(language.split("-")[0].toLowerCase());
