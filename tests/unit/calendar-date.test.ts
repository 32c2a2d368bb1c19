// @vitest-environment node
import { afterEach, describe, expect, it } from "vitest";
import { formatCalendarDate, parseCalendarDate } from "../../src/content/calendar-date";

const zone = process.env.TZ;
afterEach(() => {
  process.env.TZ = zone;
});

describe("calendar dates", () => {
  for (const timeZone of ["America/Los_Angeles", "UTC", "Pacific/Kiritimati"]) {
    it(`shows 2023-03-20 as 20 March 2023 in ${timeZone}`, () => {
      process.env.TZ = timeZone;
      expect(formatCalendarDate("2023-03-20")).toBe("20 March 2023");
    });
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
