import { Form } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { useT } from "~/i18n/context";
import { useFormReply } from "~/utils/reply";

/** The form id the actions' refusals name, so only this section shows them. */
export const SESSIONS_FORM = "sessions";

export type AccountSession = {
  id: string;
  device: string;
  current: boolean;
  openedAt: string;
  /** « il y a 3 heures », « hier », « le 3 mars 2026 »; the exact date and time in `openedExact`. */
  openedLabel: string;
  openedExact: string;
  lastSeenAt: string;
  lastSeenLabel: string;
  lastSeenExact: string;
};

/**
 * « Mes sessions » on /compte: every device where the person is signed in, this
 * one marked, each of the others with a button that closes it, and one that
 * closes them all. Plain POST forms: it works without JavaScript.
 */
export function AccountSessions({ sessions }: { sessions: AccountSession[] }) {
  const { message } = useFormReply(SESSIONS_FORM);
  const t = useT().account.sessions;
  const others = sessions.filter((s) => !s.current).length;
  return (
    <section aria-labelledby="sessions-titre" id="sessions">
      <h2 id="sessions-titre">{t.title}</h2>
      <p>{t.intro}</p>
      {message ? <Alert tone="error">{message}</Alert> : null}
      <ul className="plain-list session-list">
        {sessions.map((s) => (
          <li key={s.id} className="session-list__item">
            <div>
              <strong>{s.device}</strong> {s.current ? <span className="badge badge--success">{t.thisOne}</span> : null}
              <br />
              <span className="hint">
                {t.lastActivity}{" "}
                <time dateTime={s.lastSeenAt} title={s.lastSeenExact}>
                  {s.lastSeenLabel}
                </time>{" "}
                · {t.opened}{" "}
                <time dateTime={s.openedAt} title={s.openedExact}>
                  {s.openedLabel}
                </time>
              </span>
            </div>
            {s.current ? null : (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="sign-out-session" />
                <input type="hidden" name="sessionId" value={s.id} />
                <button type="submit" className="button button--ghost">
                  {t.close}
                  <span className="visually-hidden">{t.closeWhich(s.device, s.openedExact)}</span>
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      {others > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="sign-out-others" />
          <button type="submit" className="button button--ghost">
            {t.closeOthers}
          </button>
        </Form>
      ) : (
        <p className="hint">{t.noOther}</p>
      )}
    </section>
  );
}
