// @vitest-environment node
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseCalendarDate } from "../../src/content/calendar-date";

/**
 * Formats dates in a Node.js process started in `timeZone`. A zone must be set before the process
 * starts: a formatter made at import keeps the zone it was made in, so changing `process.env.TZ` in
 * this process would run the same code three times.
 */
function formatInZone(timeZone: string, dates: string[]): { zone: string; localDay: number; shown: string[] } {
  const script = `
    import { loadModule } from "./scripts/load-module.mjs";
    const { formatCalendarDate, parseCalendarDate } = await loadModule("src/content/calendar-date.ts");
    const dates = ${JSON.stringify(dates)};
    console.log(JSON.stringify({
      zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      // The local day of 2023-03-20T00:00Z: proof that the process really runs in the zone.
      localDay: new Date(Date.UTC(2023, 2, 20)).getDate(),
      shown: dates.map((date) => formatCalendarDate(parseCalendarDate(date).day)),
    }));`;
  const child = spawnSync(process.execPath, ["--input-type=module", "--eval", script], {
    encoding: "utf8",
    env: { ...process.env, TZ: timeZone },
  });
  if (child.status !== 0) throw new Error(`formatting in ${timeZone} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!);
}

describe("calendar dates", () => {
  for (const [timeZone, localDay] of [
    ["America/Los_Angeles", 19],
    ["UTC", 20],
    ["Pacific/Kiritimati", 20],
  ] as const) {
    it(`shows the day written, 20 March 2023, to a reader in ${timeZone}`, () => {
      const { zone, localDay: seen, shown } = formatInZone(timeZone, ["2023-03-20", "2023-03-20T23:30:00-08:00", "2023-03-20 00:15"]);
      expect([zone, seen]).toEqual([timeZone, localDay]);
      expect(shown).toEqual(["20 March 2023", "20 March 2023", "20 March 2023"]);
    }, 30_000);
  }

  it("rejects days that do not exist instead of rolling over", () => {
    expect(parseCalendarDate("2023-02-30")).toMatch(/does not exist/);
    expect(parseCalendarDate("2024-02-29")).toMatchObject({ day: "2024-02-29" });
  });

  it("orders times within a day", () => {
    const morning = parseCalendarDate("2023-05-01T08:00:00Z");
    const evening = parseCalendarDate("2023-05-01 18:00");
    expect(typeof morning !== "string" && typeof evening !== "string" && morning.sortKey < evening.sortKey).toBe(true);
  });

  it("explains text that is not a date", () => {
    expect(parseCalendarDate("March 5th")).toBe('"March 5th" is not a date: write it as YYYY-MM-DD, e.g. 2023-03-20');
  });
});
