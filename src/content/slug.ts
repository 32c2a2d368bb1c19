import { slug } from "github-slugger";

/**
 * The URL segment of a tag, category or post name: github-slugger's slug (lower case, spaces to
 * hyphens, punctuation dropped, letters of every script kept), the same slugger that gives headings
 * their ids. `+` is kept between slugged parts, as Hugo keeps it, so `c++` and `c` stay apart, and
 * `/` becomes a hyphen rather than a path separator.
 */
export function slugify(name: string): string {
  return name
    .replace(/\//g, " ")
    .split("+")
    .map((part) => slug(part.trim()))
    .join("+");
}
