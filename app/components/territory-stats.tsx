import type { RoleCounts } from "~/models/territory.server";
import { useFormat, useT } from "~/i18n/context";

/** The people of a pôle, by path. */
export function TerritoryStats({ counts }: { counts: RoleCounts }) {
  const t = useT().home.stats;
  const format = useFormat();
  const rows = [
    { key: "holders", value: counts.holders, label: t.holders(counts.holders) },
    { key: "volunteers", value: counts.volunteers, label: t.volunteers(counts.volunteers) },
    { key: "savers", value: counts.savers, label: t.savers(counts.savers) },
  ];
  return (
    <ul className="stats">
      {rows.map((row) => (
        <li key={row.key}>
          <strong>{format.integer(row.value)}</strong>
          <span>{row.label}</span>
        </li>
      ))}
    </ul>
  );
}
