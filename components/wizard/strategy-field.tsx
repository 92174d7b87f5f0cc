import { Badge } from "@/components/ui/badge";
import { ChoiceGroup } from "@/components/ui/choice-group";
import type { SpecIssue } from "@/lib/spec";
import { STRATEGIES } from "@/lib/spec-options";

export function StrategyField({ value, issues, onValue }: { value: string; issues: SpecIssue[]; onValue: (v: string) => void }) {
  return (
    <ChoiceGroup
      path="strategy"
      legend="How the builder installs the dependencies"
      columns="grid-cols-1"
      value={value}
      onValue={onValue}
      issues={issues}
      choices={STRATEGIES.map((s) => ({
        value: s.id,
        label: (
          <>
            {s.label} {s.seed ? <Badge>seed {s.seed}</Badge> : null}
          </>
        ),
        detail: s.summary,
      }))}
    />
  );
}
