import { Link } from "react-router";
import { paths } from "../paths";

/** The not-found page: says so and offers a way back. */
export function NotFound() {
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>There is nothing at this address. The post may have moved, or the link may have a typo.</p>
      <p>
        <Link to={paths.home()}>Go to the home page</Link> or browse by <Link to={paths.taxonomy("tags")}>tag</Link> and{" "}
        <Link to={paths.taxonomy("categories")}>category</Link>.
      </p>
    </section>
  );
}
