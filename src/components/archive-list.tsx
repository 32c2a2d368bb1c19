import { Link } from "react-router";
import type { CalendarDate } from "../content/calendar-date";
import type { ArchiveEntry } from "../content/post";
import { paths } from "../paths";
import { EMPTY_SEARCH, searchQuery } from "./search-state";

const monthName = new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" });
const dayAndMonth = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** A calendar date's year, month (1–12) and the day as a UTC time, for formatting the same in every time zone. */
function parts(date: CalendarDate) {
  const [year, month, day] = date.split("-").map(Number);
  return { year, month, utc: Date.UTC(year, month - 1, day) };
}

/**
 * A page of the archive, as LoveIt's shows it: the posts under their year, then their month, newest
 * first, a line each. `yearCounts` gives each year's number of posts in the whole archive.
 */
export function ArchiveList({ entries, yearCounts }: { entries: readonly ArchiveEntry[]; yearCounts: Record<string, number> }) {
  const years: { year: number; months: { month: number; entries: ArchiveEntry[] }[] }[] = [];
  for (const entry of entries) {
    const { year, month } = parts(entry.date);
    if (years.at(-1)?.year !== year) years.push({ year, months: [] });
    const { months } = years.at(-1)!;
    if (months.at(-1)?.month !== month) months.push({ month, entries: [] });
    months.at(-1)!.entries.push(entry);
  }
  return (
    <div className="archive">
      {years.map(({ year, months }) => (
        // Sections without names, so not landmarks: a page of months would be a crowd of regions, "September" twice.
        <section key={year}>
          <h2>
            <Link to={paths.search(searchQuery({ ...EMPTY_SEARCH, year: String(year) }))}>{year}</Link>{" "}
            <span className="count">
              ({yearCounts[year]} {yearCounts[year] === 1 ? "post" : "posts"})
            </span>
          </h2>
          {months.map(({ month, entries }) => (
            <section key={month}>
              <h3>{monthName.format(Date.UTC(year, month - 1))}</h3>
              <ul>
                {entries.map((entry) => (
                  <li key={entry.url}>
                    <time dateTime={entry.date}>{dayAndMonth.format(parts(entry.date).utc)}</time>
                    <Link to={entry.url}>{entry.title}</Link>
                    {entry.draft && <span className="badge">Draft</span>}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}
