import { lazy, type ComponentType, type LazyExoticComponent } from "react";
import { shortcodeName, type IslandProps, type ShortcodeModule } from "./shortcode";

/**
 * The islands (shortcodes in `<name>.island.tsx` files) by name, each a module the page loads when it
 * first shows one: built-in ones, then the site's own, which replace one of the same name. The
 * bundler makes each a chunk of its own, so a page without islands loads none of their code.
 */
const LOADERS = new Map(
  Object.entries({
    ...import.meta.glob<ShortcodeModule>("./built-in/*.island.tsx"),
    ...import.meta.glob<ShortcodeModule>("./*.island.tsx"),
  }).map(([file, load]) => [shortcodeName(file), load]),
);

export type { IslandProps };

/**
 * On the server, every island is loaded before a page renders, so the prerendered page holds each
 * island's HTML in place (React would otherwise send a fallback, and the HTML later with a script
 * to swap them in). In the browser, each loads when a page first shows it.
 */
const loaded = new Map<string, ComponentType<IslandProps>>();
if (import.meta.env.SSR) for (const [name, load] of LOADERS) loaded.set(name, (await load()).default as ComponentType<IslandProps>);

const lazyComponents = new Map<string, LazyExoticComponent<ComponentType<IslandProps>>>();

/** The island `name`'s component (one per name, so React keeps its state across renders), or undefined if there is none. */
export function islandComponent(name: string): ComponentType<IslandProps> | undefined {
  const load = LOADERS.get(name);
  if (!load) return undefined;
  let component = loaded.get(name) ?? lazyComponents.get(name);
  if (!component) {
    const lazyComponent = lazy(async () => ({ default: (await load()).default as ComponentType<IslandProps> }));
    lazyComponents.set(name, lazyComponent);
    component = lazyComponent;
  }
  return component;
}
