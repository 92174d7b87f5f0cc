import { SelectField } from "@/components/ui/select-field";
import { VARIANTS, imageTag, variantsFor, type VariantId } from "@/lib/knowledge/python-images";
import type { SpecIssue } from "@/lib/spec";
import { finalBaseProblem } from "@/lib/spec-options";

/** A different image for the final stage: only the valid ones are offered, the others explained. */
export function FinalBaseField({
  python,
  base,
  value,
  issues,
  onValue,
}: {
  python: string;
  base: string;
  value: string;
  issues: SpecIssue[];
  onValue: (v: string) => void;
}) {
  const path = "finalBase";
  const others = variantsFor(python).filter((v) => v !== base);
  const rated = others.map((v) => ({ v, problem: Object.hasOwn(VARIANTS, base) ? finalBaseProblem(python, base as VariantId, v) : "choose a base image first" }));
  const valid = rated.filter((r) => !r.problem);
  const invalid = rated.filter((r) => r.problem);
  return (
    <div>
      <SelectField
        path={path}
        label="Final stage image"
        hint="E.g. a full builder with compilers preinstalled and a slim final image of the same release."
        value={value}
        issues={issues}
        onValue={onValue}
      >
        <option value="">Same as the build stage ({imageTag(python, base as VariantId)})</option>
        {valid.map(({ v }) => (
          <option key={v} value={v}>
            {VARIANTS[v].label} ({imageTag(python, v)})
          </option>
        ))}
        {value !== "" && !valid.some((r) => r.v === value) ? <option value={value}>{value} (not valid here)</option> : null}
      </SelectField>
      {invalid.length ? (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-muted-foreground">Why the other {invalid.length} images are not offered</summary>
          <ul className="mt-1 space-y-1 text-xs text-muted-foreground">
            {invalid.map(({ v, problem }) => (
              <li key={v}>
                <code className="font-mono text-foreground">{v}</code>: {problem}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
