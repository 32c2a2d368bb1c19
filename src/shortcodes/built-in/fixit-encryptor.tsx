import type { ShortcodeProps } from "../shortcode";
import { Callout } from "./parts/callout";

/** Its content is never read: it is not published. */
export const inner = "text";

/**
 * FixIt's `{{< fixit-encryptor "password" >}}…{{< /fixit-encryptor >}}`: content its site shows only
 * to readers with the password, decrypted by a script. Folio cannot protect it, so it does not
 * publish it: the page says a part is missing, and the build tells the author.
 */
export default function FixItEncryptor({ warn }: ShortcodeProps) {
  warn("`fixit-encryptor`: Folio cannot protect content with a password, so this part is left out of the site");
  return (
    <Callout kind="CAUTION" title="Protected content">
      <p>This part of the post is protected by a password on its original site, and is not published here.</p>
    </Callout>
  );
}
