import type { PostProblem } from "../content/content-error";

/**
 * A post the dev server cannot show, in its place: the file and line, what is wrong and how to fix
 * it, and the lines of the file around it, the problem's marked. Saving the fixed file shows the post.
 * (Dev server only: its few styles are inline, so that the site's style sheet carries none of them.)
 */
export function BrokenPost({ problem }: { problem: PostProblem }) {
  return (
    <section className="route-error" role="alert" aria-labelledby="broken-post-title">
      <h1 id="broken-post-title">This post cannot be shown yet</h1>
      <p>
        <code>
          {problem.file}:{problem.line}
        </code>
        : {problem.detail}
      </p>
      <pre aria-label={`${problem.file}, lines ${problem.excerpt[0]?.line} to ${problem.excerpt.at(-1)?.line}`}>
        {problem.excerpt.map(({ line, text }) => (
          <span key={line} style={line === problem.line ? { fontWeight: 700, background: "var(--accent-soft)" } : undefined}>
            {`${String(line).padStart(4)} | ${text}\n`}
          </span>
        ))}
      </pre>
      <p>Fix the file and save it: this page shows the post. The rest of the site works meanwhile; a build stops on this problem.</p>
    </section>
  );
}
