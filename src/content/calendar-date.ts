/**
 * A date as the author wrote it, `YYYY-MM-DD`. It stays a calendar date on purpose: turning
 * `2023-03-20` into a UTC `Date` shows 19 March to every reader west of Greenwich.
 */
export type CalendarDate = `${number}-${number}-${number}`;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** A parsed front matter date: the calendar day written, and a number that orders posts (times included). */
export interface PostDate {
  day: CalendarDate;
  /** The day and time as written, read as UTC: posts sort by the time their authors wrote. */
  sortKey: number;
  /** The moment meant (ms since the epoch): the written time at its offset, or as UTC when it has none. */
  instant: number;
}

/**
 * Reads a YAML date scalar as written (`2023-03-20`, `2023-03-20T10:00:00+09:00`, `2023-03-20 10:00`).
 * Returns an error message instead when the text is not a date or names a day that does not exist.
 */
export function parseCalendarDate(text: string): PostDate | string {
  const match = DATE_PATTERN.exec(text.trim());
  if (!match) return `"${text}" is not a date: write it as YYYY-MM-DD, e.g. 2023-03-20`;
  const [, y, m, d, hh = "0", mm = "0", ss = "0", zone] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  // Date.UTC rolls 2023-02-30 over into March; compare back to catch days that do not exist.
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) {
    return `${y}-${m}-${d} does not exist in the calendar: check the month and day`;
  }
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return `"${text}" has an impossible time of day`;
  const sortKey = Date.UTC(year, month - 1, day, Number(hh), Number(mm), Number(ss));
  return { day: `${y}-${m}-${d}` as CalendarDate, sortKey, instant: sortKey - offsetMinutes(zone) * 60_000 };
}

/** `+05:30`, `+0530`, `-08` and `Z` as minutes east of UTC; none is UTC. */
function offsetMinutes(zone: string | undefined): number {
  const match = zone && /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0)) : 0;
}

const longDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

/** Formats a calendar date for readers, e.g. `20 March 2023`, the same in every time zone. */
export function formatCalendarDate(day: CalendarDate): string {
  const [year, month, date] = day.split("-").map(Number);
  return longDate.format(Date.UTC(year, month - 1, date));
}
