/**
 * The map of the pôles, drawn on the server as inline SVG: no tile, no font, no script. Departments
 * are shaded by their number of pôles (legend below, count in each outline's tooltip); each pôle is a
 * point linking to its page, named by the pôle. The list of the page is the accessible equivalent.
 */
import { useId } from "react";
import { SHADE_CLASSES, shadeOf } from "~/domain/poles";
import { useT } from "~/i18n/context";

export type MapShape = { code: string; name: string; d: string };
export type MapPoint = { slug: string; name: string; place: string; x: number; y: number };
export type MapInsetFrame = { code: string; name: string; x: number; y: number; width: number; height: number; labelX: number; labelY: number };

export function FranceMap({
  width,
  height,
  insets,
  departments,
  counts,
  points,
  title,
  description,
}: {
  width: number;
  height: number;
  insets: readonly MapInsetFrame[];
  departments: readonly MapShape[];
  /** Pôles per department code (absent: none). */
  counts: Readonly<Record<string, number>>;
  points: readonly MapPoint[];
  title: string;
  description: string;
}) {
  const id = useId();
  const t = useT().poles.map;
  return (
    <figure className="france-map">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        className="france-map__svg"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <g aria-hidden="true">
          {insets.map((inset) => (
            <g key={inset.code} className="france-map__inset">
              <rect x={inset.x} y={inset.y} width={inset.width} height={inset.height} rx={4} />
              <text x={inset.labelX} y={inset.labelY} textAnchor="middle">
                {inset.name}
              </text>
            </g>
          ))}
          {departments.map((department) => {
            const count = counts[department.code] ?? 0;
            return (
              <path key={department.code} d={department.d} className={`france-map__department shade-${shadeOf(count)}`}>
                <title>{t.departmentCount(`${department.name} (${department.code})`, count)}</title>
              </path>
            );
          })}
        </g>
        <PolePoints points={points} />
      </svg>
      <figcaption>
        <MapLegend />
      </figcaption>
    </figure>
  );
}

function PolePoints({ points }: { points: readonly MapPoint[] }) {
  return (
    <g className="france-map__points">
      {points.map((point) => (
        <a key={point.slug} href={`/poles/${point.slug}`} aria-label={`${point.name} (${point.place})`}>
          <title>{`${point.name} — ${point.place}`}</title>
          {/* A larger transparent disc: a target of 24 px or more at the map's usual width. */}
          <circle cx={point.x} cy={point.y} r={10} className="france-map__target" />
          <circle cx={point.x} cy={point.y} r={5} className="france-map__point" />
        </a>
      ))}
    </g>
  );
}

/** The shading classes and the point, each said in words. */
export function MapLegend() {
  const t = useT().poles.map;
  return (
    <ul className="map-legend">
      {SHADE_CLASSES.map((shade, i) => (
        <li key={shade.min}>
          <svg viewBox="0 0 20 14" width="20" height="14" aria-hidden="true" focusable="false">
            <rect x="0.5" y="0.5" width="19" height="13" className={`france-map__department shade-${i}`} />
          </svg>
          {t.shades[i]}
        </li>
      ))}
      <li>
        <svg viewBox="0 0 20 14" width="20" height="14" aria-hidden="true" focusable="false">
          <circle cx="10" cy="7" r="5" className="france-map__point" />
        </svg>
        {t.point}
      </li>
    </ul>
  );
}

/** A pôle's departments, with their neighbours in grey for context, and its seat. */
export function DepartmentsMap({
  width,
  height,
  shown,
  context,
  seat,
  title,
}: {
  width: number;
  height: number;
  shown: readonly MapShape[];
  context: readonly MapShape[];
  seat: { x: number; y: number; name: string } | null;
  title: string;
}) {
  const id = useId();
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title`} className="departments-map">
      <title id={`${id}-title`}>{title}</title>
      {context.map((department) => (
        <path key={department.code} d={department.d} className="departments-map__context" />
      ))}
      {shown.map((department) => (
        <path key={department.code} d={department.d} className="departments-map__shown" />
      ))}
      {seat ? <circle cx={seat.x} cy={seat.y} r={4} className="france-map__point" /> : null}
    </svg>
  );
}
