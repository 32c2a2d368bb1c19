/**
 * A date as the author wrote it, `YYYY-MM-DD`. It stays a calendar date on purpose: turning
 * `2023-03-20` into a UTC `Date` shows 19 March to every reader west of Greenwich.
 */
export type CalendarDate = `${number}-${number}-${number}`;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** A parsed front matter date: the calendar day written, and a number that orders posts (times included). */
export interface PostDate {
  day: CalendarDate;
  sortKey: number;
}

/**
 * Reads a YAML date scalar as written (`2023-03-20`, `2023-03-20T10:00:00+09:00`, `2023-03-20 10:00`).
 * Returns an error message instead when the text is not a date or names a day that does not exist.
 */
export function parseCalendarDate(text: string): PostDate | string {
  const match = DATE_PATTERN.exec(text.trim());
  if (!match) return `"${text}" is not a date: write it as YYYY-MM-DD, e.g. 2023-03-20`;
  const [, y, m, d, hh = "0", mm = "0", ss = "0"] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  // Date.UTC rolls 2023-02-30 over into March; compare back to catch days that do not exist.
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) {
    return `${y}-${m}-${d} does not exist in the calendar: check the month and day`;
  }
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return `"${text}" has an impossible time of day`;
  return {
    day: `${y}-${m}-${d}` as CalendarDate,
    sortKey: Date.UTC(year, month - 1, day, Number(hh), Number(mm), Number(ss)),
  };
}

const longDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

/** Formats a calendar date for readers, e.g. `20 March 2023`, the same in every time zone. */
export function formatCalendarDate(day: CalendarDate): string {
  const [year, month, date] = day.split("-").map(Number);
  return longDate.format(Date.UTC(year, month - 1, date));
}
