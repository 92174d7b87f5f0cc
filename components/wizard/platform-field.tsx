import { ChoiceGroup } from "@/components/ui/choice-group";
import type { SpecIssue } from "@/lib/spec";
import { PLATFORMS } from "@/lib/spec-options";

export function PlatformField({ value, issues, onValue }: { value: string; issues: SpecIssue[]; onValue: (v: string) => void }) {
  return (
    <ChoiceGroup
      path="platform"
      legend="Target platform"
      hint="Decides which binary wheels exist for your packages."
      columns="grid-cols-2 sm:max-w-md"
      value={value}
      onValue={onValue}
      issues={issues}
      choices={PLATFORMS.map((p) => ({ value: p, label: p }))}
    />
  );
}
