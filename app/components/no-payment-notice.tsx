import { NO_PAYMENT_NOTICE } from "~/domain/clubs/labels";
import { useSay } from "~/i18n/context";

/** Said wherever money is mentioned: Maillon records, banks transfer. */
export function NoPaymentNotice() {
  return <p className="notice">{useSay()(NO_PAYMENT_NOTICE)}</p>;
}
