/** What a route module can say about its page in `export const handle` (read by the page shell, root.tsx). */
export interface RouteHandle {
  /** false: the page is plain HTML with no script (the 404 page, served at any unknown address). */
  hydrate?: boolean;
}
