import { arg, BadArgument, type ShortcodeProps } from "../shortcode";
import { LinkCard } from "./parts/link-card";

/** FixIt's `{{< gh-repo-card repo="owner/name" >}}`: a link card to the repository (FixIt asks GitHub's API for its details at build time; Folio's build asks no one). */
export default function GitHubRepoCard({ args }: ShortcodeProps) {
  const repo = arg(args, "repo", 0);
  if (!repo || !/^[\w.-]+\/[\w.-]+$/.test(repo))
    throw new BadArgument('`gh-repo-card` needs the repository, as in repo="hugo-fixit/FixIt"');
  return <LinkCard href={`https://github.com/${repo}`} site="GitHub" title={repo} />;
}
