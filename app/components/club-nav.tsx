import { NavLink } from "@remix-run/react";
import { useT } from "~/i18n/context";

/** Tabs of a club's pages; the internal ones only for its members. */
export function ClubNav({ clubId, isMember }: { clubId: number; isMember: boolean }) {
  const t = useT().clubs.nav;
  const base = `/clubs/${clubId}`;
  const tabs = [
    { to: base, label: t.club, end: true },
    ...(isMember
      ? [
          { to: `${base}/membres`, label: t.members, end: false },
          { to: `${base}/tresorerie`, label: t.treasury, end: false },
          { to: `${base}/projets`, label: t.projects, end: false },
        ]
      : []),
  ];
  return (
    <nav className="tabs" aria-label={t.label}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end}>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
