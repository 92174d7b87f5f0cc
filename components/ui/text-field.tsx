import type { InputHTMLAttributes, ReactNode } from "react";
import type { SpecIssue } from "@/lib/spec";
import { FieldError } from "./field-error";
import { describedBy, fieldId } from "./field-ids";
import { FieldLabel } from "./field-label";

export const INPUT_CLASS =
  "w-full rounded-md border border-input bg-background px-2.5 py-1.5 text-sm text-foreground placeholder:text-muted-foreground aria-[invalid=true]:border-danger aria-[invalid=true]:border-2";

/** A labelled text input bound to one spec field: its issues appear under it and mark it invalid. */
export function TextField({
  path,
  label,
  value,
  onValue,
  issues = [],
  hint,
  mono = false,
  className = "",
  inputClassName = "",
  ...rest
}: {
  path: string;
  label: ReactNode;
  value: string;
  onValue: (value: string) => void;
  issues?: readonly SpecIssue[];
  hint?: ReactNode;
  mono?: boolean;
  className?: string;
  inputClassName?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "id">) {
  const invalid = issues.length > 0;
  return (
    <div className={className}>
      <FieldLabel path={path} label={label} hint={hint} />
      <input
        id={fieldId(path)}
        type="text"
        value={value}
        onChange={(e) => onValue(e.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(path, Boolean(hint), invalid)}
        className={`mt-1 ${INPUT_CLASS} ${mono ? "font-mono" : ""} ${inputClassName}`}
        autoComplete="off"
        spellCheck={false}
        {...rest}
      />
      <FieldError path={path} issues={issues} />
    </div>
  );
}
