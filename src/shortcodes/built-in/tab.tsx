import { arg, type ShortcodeProps } from "../shortcode";

export const inner = "markdown";

/** One of DoIt's `tabs`: its content under its title. */
export default function Tab({ args, children }: ShortcodeProps) {
  const title = arg(args, "title", 0);
  return (
    <div className="tab">
      {title && <p className="tab-title">{title}</p>}
      {children}
    </div>
  );
}
