import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { useEffect, useRef, useState } from "react";
import { useFieldChoices } from "~/utils/reply";
import { useT } from "~/i18n/context";
import { FieldError } from "./ui/field";

export type CommuneOption = { code: string; label: string };

/**
 * Suggestions from /api/communes, the newest question only. A plain fetch rather than a Remix fetcher:
 * a fetcher's error (its route discovered while the form is being sent, on a slow line) bubbles to the
 * page's error boundary and replaced the sign-up page with « Page introuvable »; suggestions are a help,
 * and the server resolves what was typed without them.
 */
function useCommuneSuggestions(): [CommuneOption[], (query: string) => void] {
  const [options, setOptions] = useState<CommuneOption[]>([]);
  const inFlight = useRef<AbortController | null>(null);
  useEffect(() => () => inFlight.current?.abort(), []);
  function search(query: string) {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    fetch(`/api/communes?${new URLSearchParams({ q: query })}`, { signal: controller.signal, headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? (response.json() as Promise<{ communes: CommuneOption[] }>) : { communes: [] }))
      .then((data) => {
        if (!controller.signal.aborted) setOptions(data.communes);
      })
      .catch(() => {
        // Aborted by a newer question, or the network: no suggestions this time.
      });
  }
  return [options, search];
}

/**
 * Commune picker: a text field with suggestions (a native datalist filled as
 * the person types). The chosen INSEE code travels in a hidden field; without
 * JavaScript the server resolves the typed text ("Matha", "17400", "2A004",
 * "Saint-Jean-d'Angély (17400)"). When the text matches several communes, the
 * answer offers them as radio buttons on the same page, which carry the code.
 */
export function CommuneField({
  meta,
  codeMeta,
  label,
}: {
  meta: FieldMetadata<string | undefined>;
  codeMeta: FieldMetadata<string | undefined>;
  label?: string;
}) {
  const t = useT().auth.communeField;
  const [options, searchCommunes] = useCommuneSuggestions();
  const [code, setCode] = useState(codeMeta.initialValue ?? "");
  const choices = useFieldChoices(meta.name);
  const listId = `${meta.id}-suggestions`;
  const hintId = `${meta.id}-hint`;
  const describedBy = [hintId, meta.errors ? meta.errorId : undefined].filter(Boolean).join(" ");
  const { key, ...inputProps } = getInputProps(meta, { type: "text", ariaDescribedBy: describedBy });

  useEffect(() => {
    setCode(codeMeta.initialValue ?? "");
  }, [codeMeta.initialValue]);

  function onInput(value: string) {
    const chosen = options.find((o) => o.label === value);
    setCode(chosen?.code ?? "");
    if (!chosen && value.trim().length >= 2) {
      searchCommunes(value);
    }
  }

  return (
    <div className="field">
      <label htmlFor={meta.id}>{label ?? t.label}</label>
      <p className="hint" id={hintId}>
        {t.hint}
      </p>
      <input
        key={key}
        {...inputProps}
        list={listId}
        autoComplete="off"
        onChange={(event) => onInput(event.currentTarget.value)}
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.code} value={o.label} />
        ))}
      </datalist>
      <FieldError meta={meta} />
      {choices.length > 0 ? (
        <fieldset>
          <legend>{t.choose}</legend>
          <div className="checkbox-list">
            {choices.map((c) => (
              <label key={c.value}>
                <input type="radio" name={codeMeta.name} value={c.value} checked={code === c.value} onChange={() => setCode(c.value)} />
                <span>{c.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <input type="hidden" name={codeMeta.name} value={code} />
      )}
    </div>
  );
}
