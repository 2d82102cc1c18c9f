import { Link, useLocation } from "@remix-run/react";
import { useFormat, useT } from "~/i18n/context";
import { Alert } from "./ui/alert";

/** Asks a member to read and accept the new version of a pôle's charter, on every page until they do. */
export function CharterNotice({ charters }: { charters: readonly { slug: string; name: string; version: number }[] }) {
  const { pathname } = useLocation();
  const t = useT().account.charterNotice;
  const format = useFormat();
  const shown = charters.filter((c) => pathname !== `/poles/${c.slug}/charte`);
  if (shown.length === 0) return null;
  return (
    <div className="container">
      {shown.map((c) => (
        <Alert key={c.slug}>
          {t.changed(c.name, format.integer(c.version))} <Link to={`/poles/${c.slug}/charte`}>{t.readLink}</Link>{" "}
          {t.toStay}
        </Alert>
      ))}
    </div>
  );
}
