import { Link } from "react-router";

/** Links to the other pages of a list; `pageUrl(n)` gives page n's URL. */
export function Pagination({ page, totalPages, pageUrl }: { page: number; totalPages: number; pageUrl: (page: number) => string }) {
  if (totalPages <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 && (
        <Link to={pageUrl(page - 1)} rel="prev">
          ← Newer posts
        </Link>
      )}
      <ol>
        {pageNumbers(page, totalPages).map((number, index) => (
          <li key={number ?? `gap-${index}`}>
            {number === undefined ? (
              <span aria-hidden="true">…</span>
            ) : number === page ? (
              <span aria-current="page">{number}</span>
            ) : (
              <Link to={pageUrl(number)} aria-label={`Page ${number}`}>
                {number}
              </Link>
            )}
          </li>
        ))}
      </ol>
      {page < totalPages && (
        <Link to={pageUrl(page + 1)} rel="next">
          Older posts →
        </Link>
      )}
    </nav>
  );
}

/** The page numbers to show: the first, the last and two either side of the current one; undefined marks a gap. */
export function pageNumbers(page: number, totalPages: number): (number | undefined)[] {
  const numbers: (number | undefined)[] = [];
  for (let number = 1; number <= totalPages; number++) {
    if (number === 1 || number === totalPages || Math.abs(number - page) <= 2) numbers.push(number);
    else if (numbers.at(-1) !== undefined) numbers.push(undefined);
  }
  return numbers;
}
