import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n/context";

/**
 * A volunteer offers help on one skill need, with an optional message to the holder. A plain POST
 * form: it works without JavaScript. `forWhat` completes the button's name for screen readers
 * (« en Comptabilité ») when several such buttons share a page.
 */
export function OfferHelpForm({
  needId,
  intent,
  idPrefix,
  forWhat,
  error,
}: {
  needId: number;
  intent?: string;
  idPrefix: string;
  forWhat: string;
  error?: ReactNode;
}) {
  const messageId = `${idPrefix}-${needId}`;
  const t = useT().mentoring.offerHelp;
  return (
    <Form method="post" className="request-form">
      {error}
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <input type="hidden" name="needId" value={needId} />
      <div className="field">
        <label htmlFor={messageId}>{t.message}</label>
        <textarea id={messageId} name="message" rows={2} maxLength={1000} />
      </div>
      <div>
        <button type="submit" className="button">
          {t.submit}
          <span className="visually-hidden"> {forWhat}</span>
        </button>
      </div>
    </Form>
  );
}
