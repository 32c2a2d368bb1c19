import type { AtRule, Plugin } from "postcss";

/**
 * A PostCSS plugin for the build's style sheets: an `@font-face` that offers a WOFF2 file offers only
 * that. Every browser Folio supports reads WOFF2 and takes the first source it can, so the WOFF and
 * TrueType copies KaTeX's style sheet also lists were never fetched; left in, Vite would still copy
 * each one (1.2 MB for KaTeX's twenty fonts) into the build.
 */
export function woff2FontsOnly(): Plugin {
  return {
    postcssPlugin: "folio-woff2-fonts-only",
    AtRule: {
      "font-face": (rule: AtRule) => {
        rule.walkDecls("src", (declaration) => {
          declaration.value = woff2Sources(declaration.value);
        });
      },
    },
  };
}

/** The WOFF2 sources of an `@font-face` `src` list, or the list as it is when it has none. */
export function woff2Sources(sources: string): string {
  // Sources are separated by commas outside parentheses (a URL may hold one).
  const each = sources.split(/,(?![^(]*\))/).map((source) => source.trim());
  const woff2 = each.filter((source) => /format\(\s*["']?woff2["']?\s*\)/i.test(source));
  return woff2.length > 0 ? woff2.join(", ") : sources;
}
