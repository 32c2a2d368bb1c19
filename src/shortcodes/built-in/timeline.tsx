import { BadArgument, booleanArg, type ShortcodeProps } from "../shortcode";
import { parseData } from "./parts/data.server";

/** The events are the data between its tags. */
export const inner = "text";

interface TimelineEvent {
  timestamp?: unknown;
  content?: unknown;
}

/**
 * FixIt's `{{< timeline reverse=true >}}events: [{timestamp: 2024-07-11, content: Success}]{{< /timeline >}}`
 * (YAML, JSON or TOML between its tags): the events as an ordered list, each with its time and its
 * content (Markdown), in the order written, or the reverse. FixIt's look (`type`, `placement`,
 * animations) is its style sheet's; Folio shows one plain line of events. FixIt's other sources
 * (`data=`, `file=`) are not read: the build says so.
 */
export default function Timeline({ args, children, markdownify, warn }: ShortcodeProps) {
  if (typeof children !== "string" || !children.trim()) {
    warn("`timeline`: Folio reads the events between its tags only (not `data=` or `file=`), so this one is left out");
    return null;
  }
  const data = parseData(children, "timeline", "its events are");
  const events = (data as { events?: unknown })?.events;
  if (!Array.isArray(events)) throw new BadArgument("`timeline` needs `events:`, a list of `timestamp` and `content`");
  const ordered = booleanArg(args.reverse, false) ? [...events].reverse() : events;
  return (
    <ol className="timeline">
      {(ordered as TimelineEvent[]).map((event, index) => (
        <li key={index}>
          <p className="timeline-time">{timeText(event.timestamp)}</p>
          <div dangerouslySetInnerHTML={{ __html: markdownify(String(event.content ?? "")) }} />
        </li>
      ))}
    </ol>
  );
}

/** A timestamp as written: YAML reads `2024-07-11` as a date (at midnight UTC), which is shown as the day. */
function timeText(value: unknown): string {
  if (!(value instanceof Date)) return String(value ?? "");
  const iso = value.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
