import { useId, type ReactNode } from "react";

/**
 * A table with its caption, in a box that scrolls sideways when the table is wider than the screen
 * (a ledger on a phone), so the page itself keeps the phone's width. The box is focusable and named by
 * the caption, so the table can be scrolled from the keyboard too.
 */
export function DataTable({
  caption,
  captionClassName,
  className = "table",
  children,
  ...rest
}: {
  caption: ReactNode;
  captionClassName?: string;
  className?: string;
  children: ReactNode;
  "data-testid"?: string;
}) {
  const id = useId();
  return (
    <div className="table-scroll" role="group" aria-labelledby={id} tabIndex={0}>
      <table className={className || undefined} {...rest}>
        <caption id={id} className={captionClassName}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}
