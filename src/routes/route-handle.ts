/** What a route module can say about its page in `export const handle` (read by the page shell, root.tsx). */
export interface RouteHandle {
  /**
   * false: the page is plain HTML with no script (the 404 page, served at any unknown address); a
   * function decides from the route's loader data (undefined when its loader threw).
   */
  hydrate?: boolean | ((loaderData: unknown) => boolean);
}

/** Whether a page whose routes matched so gets React's scripts: every route must allow it. */
export function hydrates(matches: readonly { handle: unknown; data: unknown }[]): boolean {
  return matches.every(({ handle, data }) => {
    const hydrate = (handle as RouteHandle | undefined)?.hydrate;
    return typeof hydrate === "function" ? hydrate(data) : hydrate !== false;
  });
}
