import type { ReactNode } from "react";

/**
 * A message in a box. `error` is announced at once (role="alert"); `success`
 * politely (role="status"); `note` is part of the page and not announced.
 */
export function Alert({
  tone = "note",
  id,
  children,
}: {
  tone?: "error" | "success" | "note";
  id?: string;
  children: ReactNode;
}) {
  const role = tone === "error" ? "alert" : tone === "success" ? "status" : undefined;
  return (
    <p className={tone === "note" ? "alert" : `alert alert--${tone}`} role={role} id={id}>
      {children}
    </p>
  );
}
