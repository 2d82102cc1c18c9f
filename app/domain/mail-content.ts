/**
 * The text of an e-mail from Maillon, as plain text and as HTML built from the same parts: who it is
 * for, the pôle, what happened, the link to the page concerned, why the person receives it, and how
 * to stop that kind of message (not for security messages). The words around the parts are given in
 * the recipient's language (`MailWords`, from app/i18n's `mail` table); the parts are already in it.
 */
export type MailParts = {
  /** « Bonjour Nadia, » */
  recipientName: string;
  /** The pôle the message is about, or « Maillon » for the account's own messages. */
  poleName: string;
  subject: string;
  /** Paragraphs of plain text. */
  paragraphs: string[];
  /** The page concerned (absolute URL) and what the button says. */
  action: { url: string; label: string } | null;
  /** « Vous recevez ce message parce que… » */
  reason: string;
  /** Where to stop this kind of message: the one-click link and the preferences page. */
  unsubscribe: { url: string; preferencesUrl: string } | null;
};

export type MailContent = { subject: string; text: string; html: string };

/** The words around a message's parts, in the recipient's language. */
export type MailWords = {
  /** `<html lang>` of the HTML part. */
  htmlLang: string;
  greeting: (name: string) => string;
  /** « Voir le projet : https://… » in the plain-text part. */
  actionLine: (label: string, url: string) => string;
  orCopy: (url: string) => string;
  signature: (poleName: string) => string;
  stopThisKind: string;
  chooseMessages: string;
  /** « Ne plus recevoir ce type de message : https://… » */
  stopThisKindLine: (url: string) => string;
  chooseMessagesLine: (url: string) => string;
};

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Subjects name the pôle first, so a mailbox sorts them: « [PTCE des Vals de Saintonge] … ». */
export function mailSubject(poleName: string, subject: string): string {
  return `[${poleName}] ${subject}`;
}

export function composeMail(m: MailParts, w: MailWords): MailContent {
  const subject = mailSubject(m.poleName, m.subject);
  const text = [
    w.greeting(m.recipientName),
    "",
    ...m.paragraphs.flatMap((p) => [p, ""]),
    ...(m.action ? [w.actionLine(m.action.label, m.action.url), ""] : []),
    "-- ",
    w.signature(m.poleName),
    m.reason,
    ...(m.unsubscribe ? [w.stopThisKindLine(m.unsubscribe.url), w.chooseMessagesLine(m.unsubscribe.preferencesUrl)] : []),
  ].join("\n");
  const html = `<!DOCTYPE html>
<html lang="${escapeHtml(w.htmlLang)}">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1f2328; max-width: 40rem; margin: 0 auto; padding: 1rem;">
<p style="color: #4a5260; font-size: 0.9rem;">${escapeHtml(m.poleName)}</p>
<p>${escapeHtml(w.greeting(m.recipientName))}</p>
${m.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${
  m.action
    ? `<p><a href="${escapeHtml(m.action.url)}" style="display: inline-block; background: #1d5c4d; color: #ffffff; padding: 0.6rem 1rem; border-radius: 0.3rem; text-decoration: none;">${escapeHtml(m.action.label)}</a></p>
<p style="font-size: 0.9rem;">${escapeHtml(w.orCopy(m.action.url))}</p>`
    : ""
}
<hr style="border: 0; border-top: 1px solid #d0d7de;">
<p style="font-size: 0.85rem; color: #4a5260;">${escapeHtml(m.reason)}${
    m.unsubscribe
      ? `<br><a href="${escapeHtml(m.unsubscribe.url)}">${escapeHtml(w.stopThisKind)}</a> · <a href="${escapeHtml(m.unsubscribe.preferencesUrl)}">${escapeHtml(w.chooseMessages)}</a>`
      : ""
  }</p>
</body>
</html>`;
  return { subject, text, html };
}
