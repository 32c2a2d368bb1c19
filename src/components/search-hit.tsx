import { formatCalendarDate, type CalendarDate } from "../content/calendar-date";
import { excerptParts, type SearchHit } from "./search-engine";

/** What a search result shows: its title, date, the heading it opens at, the passage with the words found marked, and its tags. */
export function SearchHitContent({ hit }: { hit: SearchHit }) {
  return (
    <>
      <span className="search-hit-title">{hit.title}</span>
      {isCalendarDate(hit.date) && (
        <>
          {" "}
          <time className="search-hit-date" dateTime={hit.date}>
            {formatCalendarDate(hit.date)}
          </time>
        </>
      )}
      {hit.heading && hit.heading !== hit.title && <span className="search-hit-heading"> § {hit.heading}</span>}
      <span className="search-hit-excerpt">
        {excerptParts(hit.excerpt).map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : part.text))}
      </span>
      {hit.tags.length > 0 && <span className="search-hit-tags">{hit.tags.map((tag) => `#${tag}`).join(" ")}</span>}
    </>
  );
}

/** Whether Pagefind's `date` (a post's, as the build wrote it) is a calendar date to show. */
const isCalendarDate = (date: string | undefined): date is CalendarDate => date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date);
