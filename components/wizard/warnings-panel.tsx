import { memo } from "react";
import { fieldId } from "@/components/ui/field-ids";
import type { PlanWarning, Severity } from "@/lib/resolve";

const GROUPS: { severity: Severity; title: string; box: string }[] = [
  { severity: "warning", title: "Warnings", box: "border-warning-border bg-warning-soft" },
  { severity: "info", title: "Notes", box: "border-border bg-muted" },
];

/** A one-line count that links to the panel, for the top of the output. */
export const WarningsCount = memo(function WarningsCount({ warnings }: { warnings: readonly PlanWarning[] }) {
  const counts = GROUPS.map((g) => ({ ...g, n: warnings.filter((w) => w.severity === g.severity).length })).filter((g) => g.n > 0);
  if (counts.length === 0) return null;
  return (
    <a href="#warnings" className="text-sm text-muted-foreground underline underline-offset-2 hover:text-foreground">
      {counts.map((g) => `${g.n} ${g.n === 1 ? g.title.slice(0, -1).toLowerCase() : g.title.toLowerCase()}`).join(", ")} below the preview
    </a>
  );
});

/** The plan's warnings, grouped by severity; one that is about a field links to it. */
export const WarningsPanel = memo(function WarningsPanel({ warnings }: { warnings: readonly PlanWarning[] }) {
  if (warnings.length === 0)
    return (
      <p id="warnings" className="text-sm text-muted-foreground">
        No warnings for this build.
      </p>
    );
  return (
    <div id="warnings" className="scroll-mt-4 space-y-3">
      {GROUPS.map(({ severity, title, box }) => {
        const list = warnings.filter((w) => w.severity === severity);
        if (list.length === 0) return null;
        const headingId = `warnings-${severity}`;
        return (
          <section key={severity} aria-labelledby={headingId} className={`rounded-md border p-3 ${box}`}>
            <h3 id={headingId} className={`text-sm font-semibold ${severity === "warning" ? "text-warning" : ""}`}>
              {title} ({list.length})
            </h3>
            <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
              {list.map((w, i) => (
                <li key={`${w.code}-${i}`}>
                  {w.message}
                  {w.field ? (
                    <>
                      {" "}
                      <a href={`#${fieldId(w.field.split(".")[0] === "systemPackages" ? "systemPackages.new" : w.field)}`} className="text-accent underline underline-offset-2">
                        Change
                      </a>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
});
