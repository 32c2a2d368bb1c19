import { Suspense, type ReactNode } from "react";
import { islandComponent } from "../shortcodes/islands";
import type { IslandProps } from "../shortcodes/islands";

interface ShortcodeIslandProps {
  /** The island's name and its props as JSON, from its mark in the article (src/shortcodes/render.server.tsx). */
  name: string;
  props: string;
  /** What the build rendered for it: shown while its code loads, or for good if it cannot run. */
  fallback: ReactNode;
  /** Its inner content, rendered. */
  children?: ReactNode;
}

/**
 * An interactive shortcode in an article: its component, rendered with the props and content the
 * build gave it, in the prerendered page and then in the browser, which loads its code. Until the code
 * arrives the page shows the prerendered HTML (on hydration) or the build's static HTML (after a
 * navigation), which look the same.
 */
export function ShortcodeIsland({ name, props, fallback, children }: ShortcodeIslandProps) {
  const Island = islandComponent(name);
  const parsed = parseProps(props);
  if (!Island || !parsed) return fallback;
  return (
    <Suspense fallback={fallback}>
      {/* eslint-disable-next-line react-hooks/static-components -- islandComponent gives the same component for a name every time */}
      <Island args={parsed.args} argumentText={parsed.argumentText}>
        {children}
      </Island>
    </Suspense>
  );
}

function parseProps(json: string): Pick<IslandProps, "args" | "argumentText"> | undefined {
  try {
    const value = JSON.parse(json) as Partial<IslandProps>;
    return typeof value.argumentText === "string" && value.args && typeof value.args === "object"
      ? { args: value.args, argumentText: value.argumentText }
      : undefined;
  } catch {
    return undefined;
  }
}
