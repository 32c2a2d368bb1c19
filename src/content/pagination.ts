/** One page of a list, and where it sits among the list's pages. */
export interface Page<T> {
  items: T[];
  page: number;
  totalPages: number;
}

/** Cuts page `page` (1-based) of `perPage` items from a list; undefined when the page does not exist. */
export function paginate<T>(items: readonly T[], page: number, perPage: number): Page<T> | undefined {
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  if (!Number.isInteger(page) || page < 1 || page > totalPages) return undefined;
  return { items: items.slice((page - 1) * perPage, page * perPage), page, totalPages };
}
