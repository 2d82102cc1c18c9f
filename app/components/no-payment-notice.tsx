import { NO_PAYMENT_NOTICE } from "~/domain/clubs/labels";

/** Said wherever money is mentioned: Maillon records, banks transfer. */
export function NoPaymentNotice() {
  return <p className="notice">{NO_PAYMENT_NOTICE}</p>;
}
