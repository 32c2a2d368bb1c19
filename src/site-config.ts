/** Site-wide settings. */
export const siteConfig = {
  /** Shown in the header and in every page title. */
  title: "Folio",
  /** The home page's meta description. */
  description: "Notes on artificial intelligence in healthcare and science.",
  /** The `lang` of every page. */
  language: "en",
  /** Posts per page on the home page and on tag and category pages (Hugo's `paginate`, default 10). */
  postsPerPage: 10,
} as const;
