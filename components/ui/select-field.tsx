import type { ReactNode } from "react";
import type { SpecIssue } from "@/lib/spec";
import { FieldError } from "./field-error";
import { describedBy, fieldId } from "./field-ids";
import { FieldLabel } from "./field-label";
import { INPUT_CLASS } from "./text-field";

/** A labelled <select> bound to one spec field; the options are the caller's children. */
export function SelectField({
  path,
  label,
  hint,
  value,
  issues,
  onValue,
  children,
}: {
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  value: string;
  issues: readonly SpecIssue[];
  onValue: (value: string) => void;
  children: ReactNode;
}) {
  const invalid = issues.length > 0;
  return (
    <>
      <FieldLabel path={path} label={label} hint={hint} />
      <select
        id={fieldId(path)}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(path, Boolean(hint), invalid)}
        className={`mt-1 ${INPUT_CLASS} sm:w-auto`}
      >
        {children}
      </select>
      <FieldError path={path} issues={issues} />
    </>
  );
}
