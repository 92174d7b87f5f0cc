/**
 * Pins the plan adds to the requirements it writes: the GDAL binding must match the libgdal of the builder's
 * Debian release (pip's newest GDAL does not build against bookworm's 3.6.2), so an unpinned GDAL is written as
 * GDAL==<that version>. Versions are Debian's libgdal-dev upstream versions (checked against the Packages
 * snapshot by pins.test.ts).
 */
import { normalizeName } from "../knowledge/names";
import type { DebianRelease } from "../knowledge/types";
import type { Plan } from "../resolve";
import type { Requirement } from "../spec";

export const LIBGDAL: Readonly<Record<DebianRelease, string>> = { bullseye: "3.2.2", bookworm: "3.6.2", trixie: "3.10.3" };

/** The typed packages as requirements.txt lists them: an unpinned GDAL pinned to the release's libgdal. */
export function pinnedPackages(plan: Pick<Plan, "spec" | "builder">): Requirement[] {
  const release = plan.builder.target;
  return plan.spec.packages.map((r) =>
    normalizeName(r.name) === "gdal" && !r.specifier && release !== "alpine" ? { ...r, specifier: `==${LIBGDAL[release]}` } : r,
  );
}
