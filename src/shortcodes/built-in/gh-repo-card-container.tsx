import type { ShortcodeProps } from "../shortcode";

export const inner = "html";

/** FixIt's `{{< gh-repo-card-container >}}…{{< /gh-repo-card-container >}}`: the repository cards it holds, side by side where there is room. */
export default function GitHubRepoCardContainer({ children }: ShortcodeProps) {
  return <div className="link-card-grid">{children}</div>;
}
