/** A GET filter's select: « Tous les … » first, then the choices; works without JavaScript. */
export function FilterSelect({
  name,
  label,
  all,
  value,
  options,
  id = `filtre-${name}`,
}: {
  name: string;
  label: string;
  all: string;
  value: string | null | undefined;
  options: readonly { value: string; label: string }[];
  id?: string;
}) {
  // The key resets the uncontrolled select when the URL changes (client navigation).
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""} key={value ?? ""}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
