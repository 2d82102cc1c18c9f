import { Link, useLocation } from "@remix-run/react";
import { Alert } from "./ui/alert";

/** Asks a member to read and accept the new version of a pôle's charter, on every page until they do. */
export function CharterNotice({ charters }: { charters: readonly { slug: string; name: string; version: number }[] }) {
  const { pathname } = useLocation();
  const shown = charters.filter((c) => pathname !== `/poles/${c.slug}/charte`);
  if (shown.length === 0) return null;
  return (
    <div className="container">
      {shown.map((c) => (
        <Alert key={c.slug}>
          La charte du {c.name} a changé (version {c.version}).{" "}
          <Link to={`/poles/${c.slug}/charte`}>Lisez-la et acceptez-la</Link> pour rester pleinement membre.
        </Alert>
      ))}
    </div>
  );
}
