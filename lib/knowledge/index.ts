import { CURATED } from "./packages";
import { normalizeName } from "./names";
import type { PackageKnowledge } from "./types";

export * from "./types";
export { normalizeName } from "./names";

/** The curated entries (one file each under packages/), sorted by name. */
export const PACKAGES: readonly PackageKnowledge[] = CURATED;

const BY_NAME = new Map(PACKAGES.map((p) => [p.name, p]));

/** The knowledge entry for a PyPI name in any spelling, or undefined for packages we treat as pure Python. */
export function lookupPackage(name: string): PackageKnowledge | undefined {
  return BY_NAME.get(normalizeName(name));
}
