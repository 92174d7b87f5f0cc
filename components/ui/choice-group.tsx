import type { ReactNode } from "react";
import type { SpecIssue } from "@/lib/spec";
import { FieldError } from "./field-error";
import { describedBy, fieldId, hintId } from "./field-ids";

export interface Choice {
  value: string;
  label: ReactNode;
  /** Badges and extra lines under the label. */
  detail?: ReactNode;
  disabled?: boolean;
}

/**
 * A fieldset of radio cards: native radios, so arrow keys move between choices and the group is
 * one tab stop. The legend names the group; issues of the field appear under it.
 */
export function ChoiceGroup({
  path,
  legend,
  hint,
  choices,
  value,
  onValue,
  issues = [],
  columns = "sm:grid-cols-2",
}: {
  path: string;
  legend: ReactNode;
  hint?: ReactNode;
  choices: readonly Choice[];
  value: string;
  onValue: (value: string) => void;
  issues?: readonly SpecIssue[];
  columns?: string;
}) {
  const invalid = issues.length > 0;
  const name = fieldId(path);
  return (
    <fieldset id={name} aria-describedby={describedBy(path, Boolean(hint), invalid)} aria-invalid={invalid || undefined}>
      <legend className="text-sm font-semibold">{legend}</legend>
      {hint ? (
        <p id={hintId(path)} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      <div className={`mt-2 grid gap-2 ${columns}`}>
        {choices.map((c) => {
          const id = `${name}-${c.value.replace(/[^A-Za-z0-9_-]/g, "-")}`;
          const selected = c.value === value;
          return (
            <label
              key={c.value}
              htmlFor={id}
              className={`flex cursor-pointer items-start gap-2 rounded-md border p-2.5 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring ${
                selected ? "border-accent bg-accent-soft" : "border-border hover:border-input"
              } ${invalid && selected ? "border-danger" : ""} ${c.disabled ? "cursor-not-allowed opacity-70" : ""}`}
            >
              <input
                id={id}
                type="radio"
                name={name}
                value={c.value}
                checked={selected}
                disabled={c.disabled}
                onChange={() => onValue(c.value)}
                className="mt-0.5 size-4 shrink-0 focus-visible:outline-none"
              />
              <span className="min-w-0">
                <span className="font-medium">{c.label}</span>
                {c.detail ? <span className="mt-0.5 block text-xs text-muted-foreground">{c.detail}</span> : null}
              </span>
            </label>
          );
        })}
      </div>
      <FieldError path={path} issues={issues} />
    </fieldset>
  );
}
