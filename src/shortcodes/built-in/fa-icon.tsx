/**
 * DoIt's `{{< fa-icon brands js >}}`: a Font Awesome icon, left out as LoveIt's `:(fab fa-js):` is
 * (Folio loads no icon font; the icons are decoration, hidden from screen readers in DoIt too).
 */
export default function FaIcon() {
  return null;
}
