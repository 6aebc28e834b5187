"use client";

import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useTranslations } from "use-intl";
import type { PhoneCountry } from "@/lib/phone/countries";

const labelOf = (c: PhoneCountry) => `${c.name} (${c.callingCode})`;
const fold = (text: string) => text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();

/** Countries whose name starts with the query first, then any whose name, code or calling code has it. */
function search(countries: readonly PhoneCountry[], query: string): PhoneCountry[] {
  const q = fold(query.trim()).replace(/^\+/, "");
  if (!q) return [...countries];
  const starts: PhoneCountry[] = [];
  const contains: PhoneCountry[] = [];
  for (const c of countries) {
    const name = fold(c.name);
    if (name.startsWith(q)) starts.push(c);
    else if (name.includes(q) || c.code.toLowerCase() === q || c.callingCode.slice(1).startsWith(q)) contains.push(c);
  }
  return [...starts, ...contains];
}

/**
 * A searchable country picker for a phone number (ARIA 1.2 combobox with a list box): type part of a
 * name ("united"), a code ("GB") or a calling code ("44"), move with the arrow keys, choose with Enter
 * or a click; Escape closes the list and puts back the chosen country. It shows "United States (+1)";
 * the form gets the two-letter code in a hidden field `name`, empty while nothing valid is chosen (the
 * server then says "Choose a country.").
 */
export function CountryPicker({
  countries,
  name,
  label,
  defaultCode,
  errors,
}: {
  countries: readonly PhoneCountry[];
  name: string;
  label: string;
  defaultCode: string;
  errors?: string[];
}) {
  const t = useTranslations("common");
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const initial = countries.find((c) => c.code === defaultCode) ?? null;
  const [chosen, setChosen] = useState<PhoneCountry | null>(initial);
  const [text, setText] = useState(initial ? labelOf(initial) : "");
  const [open, setOpen] = useState(false);
  // The option the arrow keys are on; -1 while the person is typing and none is picked out yet.
  const [active, setActive] = useState(-1);
  const listRef = useRef<HTMLUListElement>(null);
  // While the text is the chosen country's label the whole list is offered; typing narrows it.
  const query = chosen && text === labelOf(chosen) ? "" : text;
  const matches = useMemo(() => search(countries, query), [countries, query]);

  function choose(country: PhoneCountry) {
    setChosen(country);
    setText(labelOf(country));
    setOpen(false);
  }

  function move(to: number) {
    const next = Math.max(0, Math.min(matches.length - 1, to));
    setActive(next);
    setOpen(true);
    listRef.current?.querySelector(`[data-index="${next}"]`)?.scrollIntoView({ block: "nearest" });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        move(open ? active + 1 : 0);
        break;
      case "ArrowUp":
        event.preventDefault();
        move(active - 1);
        break;
      case "Enter": {
        // Enter in an open list chooses (the first match when none is picked out); with the list
        // closed it submits the form as usual.
        const pick = matches[active] ?? matches[0];
        if (open && pick) {
          event.preventDefault();
          choose(pick);
        }
        break;
      }
      case "Escape":
        if (open) {
          event.preventDefault();
          setOpen(false);
          if (chosen) setText(labelOf(chosen));
        }
        break;
    }
  }

  const invalid = Boolean(errors?.length);
  return (
    <div className="field country-picker">
      <label htmlFor={inputId}>{label}</label>
      <span id={hintId} className="muted small">
        {t("countryPicker.hint")}
      </span>
      <div className="country-picker-box">
        <input
          id={inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && matches[active] ? `${id}-option-${matches[active].code}` : undefined}
          aria-describedby={`${hintId} ${errorId}`}
          aria-invalid={invalid || undefined}
          value={text}
          onChange={(event) => {
            const value = event.target.value;
            setText(value);
            // A typed label that names a country exactly chooses it; anything else is a search.
            setChosen(countries.find((c) => fold(labelOf(c)) === fold(value.trim()) || fold(c.name) === fold(value.trim())) ?? null);
            setActive(-1);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onClick={() => {
            setActive(-1);
            setOpen(true);
          }}
          onBlur={(event) => {
            if (listRef.current?.contains(event.relatedTarget as Node | null)) return;
            setOpen(false);
            if (chosen) setText(labelOf(chosen));
          }}
        />
        <ul id={listId} ref={listRef} role="listbox" aria-label={t("countryPicker.options", { label })} className="country-options" hidden={!open || matches.length === 0}>
          {matches.map((c, i) => (
            <li
              key={c.code}
              id={`${id}-option-${c.code}`}
              data-index={i}
              role="option"
              aria-selected={i === active}
              className="country-option"
              // Chosen on mousedown, before the input's blur would close the list.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(c);
              }}
            >
              {labelOf(c)}
            </li>
          ))}
        </ul>
        {open && matches.length === 0 && (
          <p className="country-options country-empty" role="status">
            {t("countryPicker.noMatch", { query: text })}
          </p>
        )}
      </div>
      <input type="hidden" name={name} value={chosen?.code ?? ""} />
      <div id={errorId} className="field-error" aria-live="polite">
        {errors?.join(" ")}
      </div>
    </div>
  );
}
