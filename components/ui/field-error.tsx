import type { SpecIssue } from "@/lib/spec";
import { errorId } from "./field-ids";

/** A message right under a field's control; the control points here with aria-describedby. */
export function FieldMessage({ path, message }: { path: string; message: string | null }) {
  if (!message) return null;
  return (
    <p id={errorId(path)} className="mt-1 text-sm font-medium text-danger">
      {message}
    </p>
  );
}

/** The spec issues of one field, right under it. */
export function FieldError({ path, issues }: { path: string; issues: readonly SpecIssue[] }) {
  return <FieldMessage path={path} message={issues.length ? issues.map((i) => i.message).join("; ") : null} />;
}
