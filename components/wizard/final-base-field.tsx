import { FieldError } from "@/components/ui/field-error";
import { describedBy, fieldId, hintId } from "@/components/ui/field-ids";
import { INPUT_CLASS } from "@/components/ui/text-field";
import { VARIANTS, imageTag, variantsFor, type VariantId } from "@/lib/knowledge/python-images";
import { finalBaseProblem, type SpecIssue } from "@/lib/spec";

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
  const rated = others.map((v) => ({ v, problem: VARIANTS[base as VariantId] ? finalBaseProblem(python, base as VariantId, v) : "choose a base image first" }));
  const valid = rated.filter((r) => !r.problem);
  const invalid = rated.filter((r) => r.problem);
  return (
    <div>
      <label htmlFor={fieldId(path)} className="block text-sm font-medium">
        Final stage image
      </label>
      <p id={hintId(path)} className="text-xs text-muted-foreground">
        E.g. a full builder with compilers preinstalled and a slim final image of the same release.
      </p>
      <select
        id={fieldId(path)}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        aria-invalid={issues.length > 0 || undefined}
        aria-describedby={describedBy(path, true, issues.length > 0)}
        className={`mt-1 ${INPUT_CLASS} sm:w-auto`}
      >
        <option value="">Same as the build stage ({imageTag(python, base as VariantId)})</option>
        {valid.map(({ v }) => (
          <option key={v} value={v}>
            {VARIANTS[v].label} ({imageTag(python, v)})
          </option>
        ))}
        {value !== "" && !valid.some((r) => r.v === value) ? <option value={value}>{value} (not valid here)</option> : null}
      </select>
      <FieldError path={path} issues={issues} />
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
