import { SelectField } from "@/components/ui/select-field";
import type { SpecIssue } from "@/lib/spec";
import { DEPENDENCY_SOURCES } from "@/lib/spec-options";

export function DependencySourceField({ value, issues, onValue }: { value: string; issues: SpecIssue[]; onValue: (v: string) => void }) {
  return (
    <div>
      <SelectField
        path="dependencySource"
        label="Where the build reads the dependencies from"
        hint="The files your build context provides. The packages above still decide the system packages."
        value={value}
        issues={issues}
        onValue={onValue}
      >
        {DEPENDENCY_SOURCES.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
