import { Form } from "@remix-run/react";
import { useT } from "~/i18n/context";

/**
 * For a person on several pôles' animation teams: which pôle the page is
 * about. A plain GET form (`?pole=slug`), so it works without JavaScript.
 */
export function PoleChooser({ poles, current }: { poles: readonly { slug: string; name: string }[]; current: string }) {
  const t = useT().poles.chooser;
  if (poles.length < 2) return null;
  return (
    <Form method="get" className="inline-form pole-chooser">
      <label htmlFor="pole">{t.label}</label>
      <select id="pole" name="pole" defaultValue={current}>
        {poles.map((p) => (
          <option key={p.slug} value={p.slug}>
            {p.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--ghost">
        {t.submit}
      </button>
    </Form>
  );
}
