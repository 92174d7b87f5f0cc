import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { describedBy, fieldId } from "@/components/ui/field-ids";
import { INPUT_CLASS } from "@/components/ui/text-field";
import { issuesAt, type EnvDraft } from "@/lib/wizard/draft";
import type { SpecIssue } from "@/lib/spec";
import { LIMITS } from "@/lib/spec-options";

/** Environment variables for the final image: name/value rows, each field with its own issues. */
export function EnvVarsField({ rows, issues, onRows }: { rows: readonly EnvDraft[]; issues: readonly SpecIssue[]; onRows: (rows: EnvDraft[]) => void }) {
  const set = (i: number, patch: Partial<EnvDraft>) => onRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const listIssues = issues.filter((i) => i.field === "runtime.env");
  return (
    <fieldset id={fieldId("runtime.env")}>
      <legend className="text-sm font-semibold">Environment variables</legend>
      <p className="text-xs text-muted-foreground">Set with ENV in the final image. Never put secrets here: they stay in the image.</p>
      {rows.length ? (
        <ul className="mt-2 space-y-2">
          {rows.map((r, i) => {
            const namePath = `runtime.env.${i}.name`;
            const valuePath = `runtime.env.${i}.value`;
            const nameIssues = issuesAt(issues, namePath);
            const valueIssues = issuesAt(issues, valuePath);
            return (
              <li key={i} className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto] items-start gap-2">
                <div>
                  <label htmlFor={fieldId(namePath)} className="sr-only">
                    Name of variable {i + 1}
                  </label>
                  <input
                    id={fieldId(namePath)}
                    value={r.name}
                    placeholder="NAME"
                    onChange={(e) => set(i, { name: e.target.value })}
                    aria-invalid={nameIssues.length > 0 || undefined}
                    aria-describedby={describedBy(namePath, false, nameIssues.length > 0)}
                    autoComplete="off"
                    spellCheck={false}
                    className={`${INPUT_CLASS} font-mono`}
                  />
                  <FieldError path={namePath} issues={nameIssues} />
                </div>
                <div>
                  <label htmlFor={fieldId(valuePath)} className="sr-only">
                    Value of variable {i + 1}
                  </label>
                  <input
                    id={fieldId(valuePath)}
                    value={r.value}
                    placeholder="value"
                    onChange={(e) => set(i, { value: e.target.value })}
                    aria-invalid={valueIssues.length > 0 || undefined}
                    aria-describedby={describedBy(valuePath, false, valueIssues.length > 0)}
                    autoComplete="off"
                    spellCheck={false}
                    className={`${INPUT_CLASS} font-mono`}
                  />
                  <FieldError path={valuePath} issues={valueIssues} />
                </div>
                <Button variant="ghost" aria-label={`Remove variable ${r.name || i + 1}`} onClick={() => onRows(rows.filter((_, j) => j !== i))}>
                  Remove
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <Button className="mt-2" onClick={() => onRows([...rows, { name: "", value: "" }])} disabled={rows.length >= LIMITS.env}>
        Add variable
      </Button>
      <FieldError path="runtime.env" issues={listIssues} />
    </fieldset>
  );
}
