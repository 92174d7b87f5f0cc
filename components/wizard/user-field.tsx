import { CheckboxField } from "@/components/ui/checkbox-field";
import { TextField } from "@/components/ui/text-field";
import { issuesAt, type Draft } from "@/lib/wizard/draft";
import type { SpecIssue } from "@/lib/spec";

export function UserField({ user, issues, onUser }: { user: Draft["user"]; issues: readonly SpecIssue[]; onUser: (u: Draft["user"]) => void }) {
  return (
    <div className="space-y-2">
      <CheckboxField
        path="runtime.user.enabled"
        label="Run as a non-root user"
        hint="Recommended: a compromised app does not get root in the container."
        checked={user.enabled}
        onChecked={(enabled) => onUser({ ...user, enabled })}
        issues={issuesAt(issues, "runtime.user.enabled")}
      />
      {user.enabled ? (
        <div className="grid grid-cols-2 gap-3 pl-6 sm:max-w-sm">
          <TextField path="runtime.user.name" label="User name" value={user.name} onValue={(name) => onUser({ ...user, name })} issues={issuesAt(issues, "runtime.user.name")} mono />
          <TextField path="runtime.user.uid" label="uid" inputMode="numeric" value={user.uid} onValue={(uid) => onUser({ ...user, uid })} issues={issuesAt(issues, "runtime.user.uid")} mono />
        </div>
      ) : null}
    </div>
  );
}
