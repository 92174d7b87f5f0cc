import { memo, useId } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { PlannedStage } from "@/lib/resolve";

/** One stage's system packages, each with why it is there, each removable. */
export const SystemPackageList = memo(function SystemPackageList({
  title,
  stage,
  onRemove,
}: {
  title: string;
  stage: PlannedStage;
  onRemove: (name: string, derived: boolean) => void;
}) {
  const headingId = useId();
  return (
    <div className="min-w-0 rounded-md border border-border p-3">
      <h3 id={headingId} className="text-sm font-semibold">
        {title}
      </h3>
      <p className="font-mono text-xs text-muted-foreground">{stage.image}</p>
      {stage.systemPackages.length === 0 ? (
        <p className="mt-2 text-sm text-muted-foreground">No system packages.</p>
      ) : (
        <ul aria-labelledby={headingId} className="mt-2 divide-y divide-border">
          {stage.systemPackages.map((p) => {
            const derived = p.reasons.some((r) => r.kind !== "user");
            return (
              <li key={p.name} className="flex items-start justify-between gap-2 py-1.5">
                <div className="min-w-0 text-sm">
                  <code className="font-mono font-medium">{p.name}</code>
                  {derived ? null : (
                    <>
                      {" "}
                      <Badge tone="accent">yours</Badge>
                    </>
                  )}
                  <ul className="text-xs text-muted-foreground">
                    {p.reasons.map((r, i) => (
                      <li key={i}>
                        ← {r.pythonPackage ? <span className="font-medium text-foreground">{r.pythonPackage}</span> : null}
                        {r.pythonPackage ? ": " : ""}
                        {r.why}
                      </li>
                    ))}
                  </ul>
                </div>
                <Button size="sm" variant="ghost" aria-label={`Remove ${p.name} from the ${title.toLowerCase()}`} onClick={() => onRemove(p.name, derived)}>
                  Remove
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
});
