import { useEffect, useRef } from "react";
import { useSay } from "~/i18n/context";

/** A sentence, and sometimes a link to what comes next. */
export type FlashMessage = { message: string; link?: { href: string; label: string } };

/**
 * The message left by the last action's redirect (see flash.server.ts), at the
 * top of the page. It is in the HTML, so it shows without JavaScript; with
 * JavaScript it takes the focus (without scrolling, so a redirect to an anchor
 * still lands there), so screen readers read it and Tab goes on from there.
 */
export function Flash({ flash }: { flash: FlashMessage | null }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const say = useSay();
  useEffect(() => {
    if (flash) ref.current?.focus({ preventScroll: true });
  }, [flash]);
  if (!flash) return null;
  return (
    <div className="container flash">
      <p ref={ref} className="alert alert--success" role="status" tabIndex={-1}>
        {say(flash.message)}
        {flash.link ? (
          <>
            {" "}
            <a href={flash.link.href}>{say(flash.link.label)}</a>
          </>
        ) : null}
      </p>
    </div>
  );
}
