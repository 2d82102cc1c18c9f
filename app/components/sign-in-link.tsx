import type { ReactNode } from "react";

/** A link to the sign-in form that comes back to `to` once signed in (the form follows `redirectTo`). */
export function SignInLink({ to, children }: { to: string; children: ReactNode }) {
  return <a href={`/connexion?redirectTo=${encodeURIComponent(to)}`}>{children}</a>;
}
