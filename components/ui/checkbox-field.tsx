import type { ReactNode } from "react";
import type { SpecIssue } from "@/lib/spec";
import { FieldError } from "./field-error";
import { describedBy, fieldId } from "./field-ids";
import { FieldLabel } from "./field-label";

export function CheckboxField({
  path,
  label,
  checked,
  onChecked,
  hint,
  issues = [],
}: {
  path: string;
  label: ReactNode;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  hint?: ReactNode;
  issues?: readonly SpecIssue[];
}) {
  const invalid = issues.length > 0;
  return (
    <div>
      <div className="flex items-start gap-2">
        <input
          id={fieldId(path)}
          type="checkbox"
          checked={checked}
          onChange={(e) => onChecked(e.target.checked)}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy(path, Boolean(hint), invalid)}
          className="mt-0.5 size-4 shrink-0"
        />
        <div>
          <FieldLabel path={path} label={label} hint={hint} block={false} />
        </div>
      </div>
      <FieldError path={path} issues={issues} />
    </div>
  );
}
