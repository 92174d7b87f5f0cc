import { CheckboxField } from "@/components/ui/checkbox-field";
import { TextField } from "@/components/ui/text-field";
import { issuesAt, type Draft } from "@/lib/wizard/draft";
import type { SpecIssue } from "@/lib/spec";

export function HealthcheckField({ value, issues, onValue }: { value: Draft["healthcheck"]; issues: readonly SpecIssue[]; onValue: (v: Draft["healthcheck"]) => void }) {
  return (
    <div className="space-y-2">
      <CheckboxField
        path="runtime.healthcheck.enabled"
        label="Health check"
        hint="Docker calls this path on the port with the image's own Python: no curl needed."
        checked={value.enabled}
        onChecked={(enabled) => onValue({ ...value, enabled })}
        issues={issuesAt(issues, "runtime.healthcheck.enabled")}
      />
      {value.enabled ? (
        <TextField
          path="runtime.healthcheck.path"
          label="Path"
          value={value.path}
          onValue={(path) => onValue({ ...value, path })}
          issues={issuesAt(issues, "runtime.healthcheck.path")}
          mono
          className="pl-6 sm:max-w-xs"
        />
      ) : null}
    </div>
  );
}
