import type { ReactNode } from "react";

type Announce = "alert" | "status" | false;

/**
 * A message in a box, for what belongs to the page's state (a refusal, a
 * pause, a notice); what an action just did is the flash message's job.
 * `error` is announced at once (role="alert"), `success` politely
 * (role="status"), `note` not at all; `announce` says otherwise (false for a
 * lasting state of the page rather than news).
 */
export function Alert({
  tone = "note",
  announce,
  id,
  children,
}: {
  tone?: "error" | "success" | "note";
  announce?: Announce;
  id?: string;
  children: ReactNode;
}) {
  const byTone: Announce = tone === "error" ? "alert" : tone === "success" ? "status" : false;
  const role = (announce ?? byTone) || undefined;
  return (
    <p className={tone === "note" ? "alert" : `alert alert--${tone}`} role={role} id={id}>
      {children}
    </p>
  );
}
