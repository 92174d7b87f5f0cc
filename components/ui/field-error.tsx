import type { SpecIssue } from "@/lib/spec";
import { errorId } from "./field-ids";

/** The issues of one field, right under it; the control points here with aria-describedby. */
export function FieldError({ path, issues }: { path: string; issues: readonly SpecIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <p id={errorId(path)} className="mt-1 text-sm font-medium text-danger">
      {issues.map((i) => i.message).join("; ")}
    </p>
  );
}
