import type { ReactNode } from "react";

/** One track: its file (a URL, or a path in the post's bundle), what it is called, its lyrics. */
export interface Track {
  url: string;
  name?: string;
  artist?: string;
  lyrics?: string;
}

/** LRC lyrics (`[00:12.30]A line`) as plain lines, their time stamps dropped. */
export function plainLyrics(lrc: string): string {
  return lrc
    .split(/\r?\n/)
    .map((line) => line.replace(/^(\s*\[[^\]]*\])+/, "").trim())
    .filter(Boolean)
    .join("\n");
}

/**
 * A track as the browser plays it: a captioned `<audio>` with its own controls, which fetches nothing
 * until the reader presses play, and its lyrics folded under it.
 */
export function AudioTrack({ url, name, artist, lyrics }: Track): ReactNode {
  const caption = [name, artist].filter(Boolean).join(" — ");
  return (
    <figure className="audio-track">
      {caption && <figcaption>{caption}</figcaption>}
      {/* eslint-disable-next-line jsx-a11y/media-has-caption -- the themes give no captions file; a song's words, where given, are its lyrics below */}
      <audio controls preload="none" src={url} />
      {lyrics && (
        <details>
          <summary>Lyrics</summary>
          <pre>{plainLyrics(lyrics)}</pre>
        </details>
      )}
    </figure>
  );
}
