import { useRef, useState, useSyncExternalStore, type ComponentProps } from "react";
import type { ContentComponents } from "./content";

/** Every code block of an article with a copy button (components/article-body.tsx). */
export const codeComponents: ContentComponents = { pre: CopyableCode };

const subscribeToNothing = () => () => {};

/**
 * A code block and, once the page's script runs (a button that did nothing would be a trap), a
 * button that copies its code and says "Copied". The button sits over the block's corner, so it
 * shifts nothing when it appears; it is a button, so it works by keyboard and says what it did to
 * screen readers (role="status").
 */
function CopyableCode(props: ComponentProps<"pre">) {
  const block = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState<boolean | undefined>();
  const scripted = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
  const copy = async () => {
    const code = block.current?.querySelector("code") ?? block.current;
    try {
      await navigator.clipboard.writeText(code?.textContent ?? "");
      setCopied(true);
    } catch {
      setCopied(false); // no clipboard (an insecure origin, or permission refused)
    }
    setTimeout(() => setCopied(undefined), 2000);
  };
  return (
    <div className="code-block">
      <pre ref={block} {...props} />
      {scripted && (
        <button type="button" className="copy-code" onClick={copy}>
          Copy<span className="visually-hidden"> code</span>
        </button>
      )}
      <span role="status" className="copy-status">
        {copied === true ? "Copied" : copied === false ? "Could not copy" : ""}
      </span>
    </div>
  );
}
