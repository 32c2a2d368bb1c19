import type { ReactNode } from "react";

/**
 * Code as a fenced code block in `language` shows it (`<pre><code class="language-go">`), which the
 * article's steps then treat as any other: the shortcodes that show code or a diagram's source use it.
 */
export function CodeBlock({ language, children }: { language?: string; children?: ReactNode }) {
  return (
    <pre>
      <code className={language ? `language-${language}` : undefined}>{children}</code>
    </pre>
  );
}
