import { FieldError } from "@/components/ui/field-error";
import { describedBy, fieldId, hintId } from "@/components/ui/field-ids";
import { INPUT_CLASS } from "@/components/ui/text-field";
import { DEPENDENCY_SOURCES, type SpecIssue } from "@/lib/spec";

export function DependencySourceField({ value, issues, onValue }: { value: string; issues: SpecIssue[]; onValue: (v: string) => void }) {
  const path = "dependencySource";
  return (
    <div>
      <label htmlFor={fieldId(path)} className="block text-sm font-medium">
        Where the build reads the dependencies from
      </label>
      <p id={hintId(path)} className="text-xs text-muted-foreground">
        The files your build context provides. The packages above still decide the system packages.
      </p>
      <select
        id={fieldId(path)}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        aria-invalid={issues.length > 0 || undefined}
        aria-describedby={describedBy(path, true, issues.length > 0)}
        className={`mt-1 ${INPUT_CLASS} sm:w-auto`}
      >
        {DEPENDENCY_SOURCES.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
      <FieldError path={path} issues={issues} />
    </div>
  );
}
