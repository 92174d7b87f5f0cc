import { memo } from "react";
import { Button } from "@/components/ui/button";
import { normalizeName } from "@/lib/knowledge/names";
import type { Requirement } from "@/lib/spec";
import { requirementLine } from "@/lib/render/requirements";
import type { PackageView } from "@/lib/wizard/output";
import { InstallBadge, CarriesBadge } from "./install-badge";

/** The packages as removable chips, each with how it installs on the chosen image. */
export const PackageChips = memo(function PackageChips({
  packages,
  resolved,
  noBinary = [],
  onRemove,
  onToggleSource,
}: {
  packages: readonly Requirement[];
  resolved: readonly PackageView[];
  /** Packages compiled from source on request (pip --no-binary), ":all:" for every one. */
  noBinary?: readonly string[];
  onRemove: (index: number) => void;
  onToggleSource?: (name: string) => void;
}) {
  const all = noBinary.includes(":all:");
  const forced = new Set(noBinary.map(normalizeName));
  if (packages.length === 0) return <p className="text-sm text-muted-foreground">No packages yet.</p>;
  const byName = new Map(resolved.map((r) => [r.name, r]));
  const unknown = packages.filter((p) => byName.get(normalizeName(p.name))?.install === "unknown");
  return (
    <div>
      <ul aria-label="Packages" className="flex flex-wrap gap-2">
        {packages.map((p, i) => {
          const r = byName.get(normalizeName(p.name));
          return (
            <li key={`${normalizeName(p.name)}-${i}`} className="flex items-center gap-1.5 rounded-full border border-input bg-muted py-0.5 pr-0.5 pl-3 text-sm">
              <span className="font-mono">{requirementLine({ ...p, hashes: [] })}</span>
              {r ? <InstallBadge kind={r.install} derived={r.derived} /> : null}
              {r ? <CarriesBadge carries={r.carries} /> : null}
              {onToggleSource ? (
                <Button
                  variant="ghost"
                  size="sm"
                  className="rounded-full text-xs"
                  aria-pressed={all || forced.has(normalizeName(p.name))}
                  disabled={all}
                  aria-label={`Compile ${p.name} from source`}
                  title="Compile from source even when a wheel exists (pip --no-binary)"
                  onClick={() => onToggleSource(p.name)}
                >
                  src
                </Button>
              ) : null}
              <Button variant="ghost" size="sm" className="rounded-full" aria-label={`Remove ${p.name}`} onClick={() => onRemove(i)}>
                <span aria-hidden="true">×</span>
              </Button>
            </li>
          );
        })}
      </ul>
      {unknown.length ? (
        <p className="mt-2 text-xs text-muted-foreground">
          {unknown.map((p) => p.name).join(", ")} {unknown.length === 1 ? "is" : "are"} not in the knowledge base, nor packaged by Debian: treated as pure
          Python, with no system packages.
        </p>
      ) : null}
    </div>
  );
});
