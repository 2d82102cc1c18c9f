import { useSay, useT } from "~/i18n/context";

/**
 * « Vérifiez votre boîte de réception »: what a request for a link by e-mail answers, the same whether
 * or not the address has an account. In the demo (no SMTP server), it says where the message is written.
 */
export function MailSent({ title, children, outbox }: { title: string; children: React.ReactNode; outbox: string | null }) {
  const t = useT().auth.mailSent;
  return (
    <div className="container narrow">
      <h1>{title}</h1>
      {children}
      {outbox ? (
        <p className="alert">{t.demo(outbox)}</p>
      ) : null}
    </div>
  );
}

/** A link from e-mail that opens nothing (expired, used, replaced or mistyped), and the way to ask again. */
export function DeadLink({ title, message, again }: { title: string; message: string; again: { href: string; label: string } }) {
  const say = useSay();
  return (
    <div className="container narrow">
      <h1>{title}</h1>
      <p className="alert alert--error">{say(message)}</p>
      <p>
        <a href={again.href}>{again.label}</a>
      </p>
    </div>
  );
}
