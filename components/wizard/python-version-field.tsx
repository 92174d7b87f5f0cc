import { Badge } from "@/components/ui/badge";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { PYTHON_VERSIONS, type PythonVersionInfo } from "@/lib/knowledge/python-images";
import type { SpecIssue } from "@/lib/spec";

function Status({ p }: { p: PythonVersionInfo }) {
  if (p.status === "prerelease")
    return (
      <>
        <Badge tone="warning">pre-release</Badge> {p.fullVersion}
      </>
    );
  if (p.status === "end-of-life")
    return (
      <>
        <Badge tone="danger">end of life</Badge> since {p.endOfLife}
        {p.variants.length === 0 ? ", images no longer rebuilt" : ""}
      </>
    );
  return <>{p.fullVersion}, supported until {p.endOfLife}</>;
}

export function PythonVersionField({ value, issues, onValue }: { value: string; issues: SpecIssue[]; onValue: (v: string) => void }) {
  return (
    <ChoiceGroup
      path="python"
      legend="Python version"
      columns="grid-cols-1 sm:grid-cols-3"
      value={value}
      onValue={onValue}
      issues={issues}
      choices={PYTHON_VERSIONS.map((p) => ({ value: p.version, label: `Python ${p.version}`, detail: <Status p={p} /> }))}
    />
  );
}
