import type { ReactNode } from "react";
import { fieldId, hintId } from "./field-ids";

/** The label of a spec field's control and its optional hint (which the control names in aria-describedby). */
export function FieldLabel({ path, label, hint, block = true }: { path: string; label: ReactNode; hint?: ReactNode; block?: boolean }) {
  return (
    <>
      <label htmlFor={fieldId(path)} className={`${block ? "block " : ""}text-sm font-medium`}>
        {label}
      </label>
      {hint ? (
        <p id={hintId(path)} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
    </>
  );
}
