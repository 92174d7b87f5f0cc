import { memo } from "react";
import type { PackageView } from "@/lib/wizard/output";
import { InstallBadge, CarriesBadge } from "./install-badge";

/** How each package installs on the chosen image, in the resolver's words. */
export const PackageSummary = memo(function PackageSummary({ packages }: { packages: readonly PackageView[] }) {
  if (packages.length === 0) return null;
  return (
    <details className="rounded-md border border-border p-3 text-sm">
      <summary className="cursor-pointer font-semibold">How each package installs ({packages.length})</summary>
      <ul className="mt-2 space-y-1.5">
        {packages.map((p) => (
          <li key={p.name}>
            <span className="font-mono font-medium">{p.requirement.name}</span> <InstallBadge kind={p.install} derived={p.derived} /> <CarriesBadge carries={p.carries} />
            <span className="block text-xs text-muted-foreground">{p.detail}</span>
          </li>
        ))}
      </ul>
    </details>
  );
});
