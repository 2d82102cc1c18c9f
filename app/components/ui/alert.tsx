import type { ReactNode } from "react";

/**
 * A message in a box. `error` is announced at once (role="alert") and
 * `success` politely (role="status"), unless `announce` is false (a lasting
 * state of the page rather than news); `note` is never announced.
 */
export function Alert({
  tone = "note",
  announce = true,
  id,
  children,
}: {
  tone?: "error" | "success" | "note";
  announce?: boolean;
  id?: string;
  children: ReactNode;
}) {
  const role = !announce ? undefined : tone === "error" ? "alert" : tone === "success" ? "status" : undefined;
  return (
    <p className={tone === "note" ? "alert" : `alert alert--${tone}`} role={role} id={id}>
      {children}
    </p>
  );
}
