import { arg, type ShortcodeProps } from "../shortcode";
import { AudioTrack } from "./parts/audio-list";
import { LinkCard } from "./parts/link-card";

/** The pages of songs, playlists and albums on the music services DoIt's MetingJS player reads. */
const SERVICES: Record<string, { name: string; page: Record<string, (id: string) => string> }> = {
  netease: {
    name: "NetEase Cloud Music",
    page: {
      song: (id) => `https://music.163.com/#/song?id=${id}`,
      playlist: (id) => `https://music.163.com/#/playlist?id=${id}`,
      album: (id) => `https://music.163.com/#/album?id=${id}`,
      artist: (id) => `https://music.163.com/#/artist?id=${id}`,
    },
  },
  tencent: {
    name: "QQ Music",
    page: {
      song: (id) => `https://y.qq.com/n/ryqq/songDetail/${id}`,
      playlist: (id) => `https://y.qq.com/n/ryqq/playlist/${id}`,
      album: (id) => `https://y.qq.com/n/ryqq/albumDetail/${id}`,
    },
  },
};

/**
 * LoveIt's, DoIt's and FixIt's `{{< music … >}}`. A file (`url="song.mp3" name="…" artist="…"`) is
 * played by the browser's own player; a song or playlist on a music service (`auto="https://…"`, or
 * `server="netease" type="song" id="…"`, or the same by position) is a link card to its page. Those
 * themes load MetingJS and APlayer, which fetch the music from a third-party API.
 */
export default function Music({ args, warn }: ShortcodeProps) {
  if (args.url) return <AudioTrack url={args.url} name={args.name} artist={args.artist} />;
  const first = args["0"];
  const auto = args.auto ?? (first && /^https?:\/\//.test(first) ? first : undefined);
  if (auto) return <LinkCard href={auto} site={new URL(auto).hostname} title="Listen to the music" />;
  const server = arg(args, "server", 0) ?? "";
  const type = arg(args, "type", 1) ?? "";
  const id = arg(args, "id", 2) ?? "";
  const service = SERVICES[server];
  const page = service?.page[type];
  if (!service || !page || !/^\w+$/.test(id)) {
    warn(`\`music\`: Folio links songs, playlists and albums on ${Object.keys(SERVICES).join(" and ")} only, so this one is left out`);
    return null;
  }
  return <LinkCard href={page(id)} site={service.name} title={`Listen to the ${type}`} />;
}
