import type { ReactNode } from "react";

/**
 * Code as a fenced code block in `language` shows it (`<pre><code class="language-go">`), which the
 * article's steps then treat as any other: the shortcodes that show code or a diagram's source use it.
 * `options` are what a fence would have after its language (`{linenos=table,hl_lines=[2]}`:
 * code-fence-options.ts).
 */
export function CodeBlock({ language, options, children }: { language?: string; options?: string; children?: ReactNode }) {
  return (
    <pre>
      <code className={language ? `language-${language}` : undefined} data-meta={options || undefined}>
        {children}
      </code>
    </pre>
  );
}
