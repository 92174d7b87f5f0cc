import { Button } from "@/components/ui/button";
import { errorId } from "@/components/ui/field-ids";
import type { SpecIssue } from "@/lib/spec";
import type { Draft } from "@/lib/wizard/draft";
import type { Stage } from "@/lib/wizard/edits";

/**
 * Your own system packages the schema now refuses (e.g. after switching between Debian and
 * Alpine): they are not in the plan, so they are listed here with the reason and a way out.
 */
export function InvalidSystemPackages({
  systemPackages,
  issues,
  onRemove,
}: {
  systemPackages: Draft["systemPackages"];
  issues: readonly SpecIssue[];
  onRemove: (stage: Stage | "omit", name: string) => void;
}) {
  const rows = issues.flatMap((i) => {
    const m = /^systemPackages\.(build|runtime|omit)\.(\d+)$/.exec(i.field);
    if (!m) return [];
    const stage = m[1] as Stage | "omit";
    const name = systemPackages[stage][Number(m[2])];
    return name === undefined ? [] : [{ stage, name, message: i.message, field: i.field }];
  });
  const other = issues.filter((i) => i.field.startsWith("systemPackages") && !/^systemPackages\.(build|runtime|omit)\.\d+$/.test(i.field));
  if (rows.length === 0 && other.length === 0) return null;
  return (
    <div id={errorId("systemPackages")} className="rounded-md border border-danger bg-danger-soft p-2 text-sm text-danger">
      <ul className="space-y-1">
        {rows.map((r) => (
          <li key={r.field} className="flex flex-wrap items-center gap-2">
            <code className="font-mono">{r.name}</code>: {r.message}
            <Button size="sm" aria-label={`Remove ${r.name}`} onClick={() => onRemove(r.stage, r.name)}>
              Remove
            </Button>
          </li>
        ))}
        {other.map((i) => (
          <li key={i.field}>{i.message}</li>
        ))}
      </ul>
    </div>
  );
}
