"use client";

import type { MouseEvent } from "react";
import { fieldId } from "@/components/ui/field-ids";
import type { SpecIssue } from "@/lib/spec";
import { fieldLabel } from "./field-labels";

/** Focuses the control of a field, or of the nearest enclosing field that has one. */
function focusField(e: MouseEvent<HTMLAnchorElement>, field: string) {
  const parts = field.split(".");
  while (parts.length) {
    const el = document.getElementById(fieldId(parts.join(".")));
    if (el) {
      e.preventDefault();
      const target = el.matches("fieldset") ? (el.querySelector<HTMLElement>("input:checked, input, select, textarea, button") ?? el) : el;
      target.scrollIntoView({ block: "center" });
      target.focus({ preventScroll: true });
      return;
    }
    parts.pop();
  }
}

/** Every problem of the draft in one place, each a link to its field (where it is also shown). */
export function IssueSummary({ issues }: { issues: readonly SpecIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <div aria-labelledby="issue-summary-title" role="region" className="rounded-md border-2 border-danger bg-danger-soft p-3 text-sm">
      <h2 id="issue-summary-title" className="font-semibold text-danger">
        {issues.length === 1 ? "1 problem" : `${issues.length} problems`}: the Dockerfile shows your last valid settings
      </h2>
      <ul className="mt-1 list-disc pl-5">
        {issues.map((i, n) => (
          <li key={`${i.field}-${n}`}>
            <a href={`#${fieldId(i.field)}`} onClick={(e) => focusField(e, i.field)} className="text-danger underline underline-offset-2">
              {fieldLabel(i.field)}: {i.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
