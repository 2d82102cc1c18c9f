import type { RoleCounts } from "~/models/territory.server";
import { formatInteger } from "~/domain/format";

/** The people of a pôle, by path. */
export function TerritoryStats({ counts }: { counts: RoleCounts }) {
  const rows = [
    { value: counts.holders, one: "porteur de projet", many: "porteurs de projets" },
    { value: counts.volunteers, one: "bénévole", many: "bénévoles" },
    { value: counts.savers, one: "épargnant", many: "épargnants" },
  ];
  return (
    <ul className="stats">
      {rows.map((row) => (
        <li key={row.one}>
          <strong>{formatInteger(row.value)}</strong>
          <span>{row.value < 2 ? row.one : row.many}</span>
        </li>
      ))}
    </ul>
  );
}
