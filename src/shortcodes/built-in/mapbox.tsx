import { arg, BadArgument, type ShortcodeProps } from "../shortcode";
import { LinkCard } from "./parts/link-card";

/**
 * LoveIt's, DoIt's and FixIt's `{{< mapbox lng lat zoom >}}` (or `lng=`, `lat=`, `zoom=`): a link card to
 * the place on OpenStreetMap. Those themes draw a Mapbox map, which needs an access token and loads map
 * tiles from Mapbox; Folio loads nothing until the reader follows the link.
 */
export default function Mapbox({ args }: ShortcodeProps) {
  const lng = Number(arg(args, "lng", 0));
  const lat = Number(arg(args, "lat", 1));
  const zoom = Math.round(Number(arg(args, "zoom", 2) ?? 10)) || 10;
  if (!Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lng) > 180)
    throw new BadArgument("`mapbox` needs the place's longitude and latitude, as in {{< mapbox 121.485 31.233 12 >}}");
  return (
    <LinkCard
      href={`https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=${zoom}/${lat}/${lng}`}
      site="OpenStreetMap"
      title={`Map: ${lat}, ${lng}`}
    />
  );
}
