import type { ShouldRevalidateFunctionArgs } from "react-router";

/**
 * A static site's loaders only rerun when the URL's params change. On the dev server, rerun them
 * after every hot update too, so an edited post shows in the open page without a reload.
 * Route modules with a loader re-export this as their `shouldRevalidate`.
 */
export function shouldRevalidate({ defaultShouldRevalidate }: ShouldRevalidateFunctionArgs): boolean {
  return import.meta.env.DEV || defaultShouldRevalidate;
}
