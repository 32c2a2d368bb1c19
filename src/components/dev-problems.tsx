import { useEffect, useState } from "react";
import { Link, useNavigation, useRevalidator } from "react-router";
import type { PostProblem } from "../content/content-error";
import { withBase } from "../paths";

/**
 * The dev server's notice, on every page, of posts it cannot show (a YAML typo, a shortcode never
 * closed), each linked to its page, which shows the problem. It asks the dev server
 * (`/__folio/problems`) when the page loads and each time the page's data is loaded again, which the
 * dev server does after every save. Only `npm start` has it: a build stops on such a post.
 */
export function DevProblems() {
  const [problems, setProblems] = useState<readonly PostProblem[]>([]);
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const busy = navigation.state !== "idle" || revalidator.state !== "idle";
  useEffect(() => {
    if (busy) return;
    let current = true;
    fetch(withBase("/__folio/problems"))
      .then((answer) => (answer.ok ? (answer.json() as Promise<PostProblem[]>) : []))
      .then((found) => current && setProblems(found))
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [busy]);
  if (problems.length === 0) return null;
  return (
    // Dev server only: its styles are inline, so that the site's style sheet carries none of them.
    <aside
      role="alert"
      aria-label="Posts with problems"
      style={{ padding: "0.5rem 1rem", borderBottom: "3px solid #d1242f", background: "var(--surface)", color: "var(--text)" }}
    >
      <p>
        <strong>{problems.length === 1 ? "A post cannot be shown" : `${problems.length} posts cannot be shown`}</strong> until fixed (the
        rest of the site works):
      </p>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.file}:${problem.line}:${problem.detail}`}>
            <Link to={problem.url}>
              {problem.file}:{problem.line}
            </Link>
            : {problem.detail}
          </li>
        ))}
      </ul>
    </aside>
  );
}
