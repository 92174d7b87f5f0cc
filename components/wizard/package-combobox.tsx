"use client";

import { useEffect, useId, useMemo, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { FieldMessage } from "@/components/ui/field-error";
import { describedBy, fieldId } from "@/components/ui/field-ids";
import { FieldLabel } from "@/components/ui/field-label";
import { INPUT_CLASS } from "@/components/ui/text-field";
import { normalizeName } from "@/lib/knowledge/names";
import { VARIANTS } from "@/lib/knowledge/python-images";
import type { Requirement } from "@/lib/spec";
import type { Suggestion, SuggestionNeeds } from "@/lib/wizard/suggest";
import { useEngine, withEngine, type Engine } from "@/browser/engine";
import { InstallBadge } from "./install-badge";
import { useSpec } from "./spec-context";

function Needs({ s }: { s: SuggestionNeeds }) {
  if (s.build.length === 0 && s.runtime.length === 0) return <>No system packages needed.</>;
  return (
    <>
      {s.build.length ? <>Build: {s.build.join(", ")}. </> : null}
      {s.runtime.length ? <>Final image: {s.runtime.join(", ")}.</> : null}
    </>
  );
}

/**
 * WAI-ARIA combobox with a listbox popup: type a requirement ("psycopg2>=2.9"); suggestions come
 * from the knowledge base with what each needs on the chosen image. Enter adds the highlighted
 * suggestion, or what was typed (unknown packages are accepted as pure Python). Suggestions and the
 * requirement's check come from the engine: before it has loaded there are no suggestions yet, and Enter adds
 * what was typed as soon as it arrives.
 */
export function PackageCombobox({ onAdd }: { onAdd: (r: Requirement) => void }) {
  const spec = useSpec();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const engine = useEngine();
  // The entries of the suggested packages load as they are suggested; each is described once its entry is there.
  const [loaded, setLoaded] = useState(0);
  useEffect(() => {
    if (!engine) return;
    let current = true;
    engine.loadSuggestions(text).then((version) => {
      if (current) setLoaded(version);
    });
    return () => {
      current = false;
    };
  }, [engine, text]);
  // `loaded` is a dependency: the engine reads the entries that arrived itself.
  const suggestions = useMemo(() => (engine ? engine.suggest(spec, text) : []), [engine, spec, text, loaded]);
  const expanded = open && suggestions.length > 0;
  const path = "packages";
  const optionId = (i: number) => `${listId}-option-${i}`;

  function commit(choice?: Suggestion) {
    const typed = text;
    withEngine((e) => add(e, typed, choice));
  }

  /** Adds what was typed (`typed`, the text when Enter was pressed) or the chosen suggestion. */
  function add({ parseRequirement }: Engine, typed: string, choice?: Suggestion) {
    let reqText = typed.trim();
    if (choice) {
      const typed = parseRequirement(reqText);
      const sameName = typed.ok && normalizeName(typed.requirement.name) === choice.entry.name;
      if (!sameName) reqText = choice.entry.display;
    }
    if (reqText === "") {
      setError("type a package name, e.g. psycopg2 or numpy>=2");
      return;
    }
    const r = parseRequirement(reqText);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    onAdd(r.requirement);
    // Typing on while the engine was still loading is kept.
    setText((t) => (t === typed ? "" : t));
    setActive(-1);
    setOpen(false);
    setError(null);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const n = suggestions.length;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) setOpen(true);
      if (n === 0) return;
      setActive((a) => (e.key === "ArrowDown" ? (a + 1) % n : a <= 0 ? n - 1 : a - 1));
    } else if (e.key === "Enter") {
      e.preventDefault();
      commit(expanded && active >= 0 ? suggestions[active] : undefined);
    } else if (e.key === "Escape") {
      if (expanded) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      } else setText("");
    }
  }

  const target = `${VARIANTS[spec.base].label}, Python ${spec.python}, ${spec.platform}`;
  return (
    <div>
      <FieldLabel
        path={path}
        label="Add a package"
        hint={
          <>
            A name with an optional version, e.g. <code className="font-mono">psycopg2</code> or{" "}
            <code className="font-mono">numpy&gt;=2,&lt;3</code>. Suggestions show what each needs on {target}.
          </>
        }
      />
      <div className="relative mt-1 flex gap-2">
        <input
          id={fieldId(path)}
          type="text"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(path, true, Boolean(error))}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(-1);
            setError(null);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          autoComplete="off"
          spellCheck={false}
          className={`${INPUT_CLASS} font-mono`}
        />
        <Button onClick={() => commit()}>Add</Button>
        <ul
          id={listId}
          role="listbox"
          aria-label="Package suggestions"
          hidden={!expanded}
          className="absolute top-full right-0 left-0 z-20 mt-1 max-h-80 overflow-auto rounded-md border border-input bg-background p-1 shadow-lg"
        >
          {suggestions.map((s, i) => (
            <li
              key={s.entry.name}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => commit(s)}
              onMouseMove={() => setActive(i)}
              className="cursor-pointer rounded px-2 py-1.5 text-sm aria-selected:bg-accent-soft aria-selected:outline-2 aria-selected:outline-ring"
            >
              <span className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{s.entry.display}</span>
                {s.needs ? <InstallBadge kind={s.needs.install} /> : null}
              </span>
              <span className="block text-xs text-muted-foreground">{s.entry.summary}</span>
              <span className="block text-xs text-muted-foreground">
                {s.needs ? (
                  <>
                    <Needs s={s.needs} /> {s.needs.detail}
                  </>
                ) : (
                  "Loading what it needs…"
                )}
              </span>
            </li>
          ))}
        </ul>
      </div>
      <div role="status" className="sr-only">
        {expanded ? `${suggestions.length} suggestion${suggestions.length === 1 ? "" : "s"}` : ""}
      </div>
      <FieldMessage path={path} message={error || null} />
    </div>
  );
}
