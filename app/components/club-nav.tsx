import { NavLink } from "@remix-run/react";

/** Tabs of a club's pages; the internal ones only for its members. */
export function ClubNav({ clubId, isMember }: { clubId: number; isMember: boolean }) {
  const base = `/clubs/${clubId}`;
  const tabs = [
    { to: base, label: "Le club", end: true },
    ...(isMember
      ? [
          { to: `${base}/membres`, label: "Membres et réunions", end: false },
          { to: `${base}/tresorerie`, label: "Trésorerie", end: false },
          { to: `${base}/projets`, label: "Projets et votes", end: false },
        ]
      : []),
  ];
  return (
    <nav className="tabs" aria-label="Pages du club">
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
