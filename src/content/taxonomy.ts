/** The two taxonomies Hugo blogs use, named as their URLs are: `/tags/…` and `/categories/…`. */
export const TAXONOMIES = ["tags", "categories"] as const;

/** `tags` or `categories`. */
export type Taxonomy = (typeof TAXONOMIES)[number];

/** Narrows a URL segment to a taxonomy name. */
export function isTaxonomy(value: string): value is Taxonomy {
  return (TAXONOMIES as readonly string[]).includes(value);
}

/** Words for a taxonomy in page titles and headings. */
export const TAXONOMY_LABELS: Record<Taxonomy, { plural: string; singular: string }> = {
  tags: { plural: "Tags", singular: "Tag" },
  categories: { plural: "Categories", singular: "Category" },
};
