import { GROUP_A } from "./packages/group-a";
import { GROUP_B } from "./packages/group-b";
import { normalizeName } from "./names";
import type { PackageKnowledge } from "./types";

export * from "./types";
export { normalizeName } from "./names";

export const PACKAGES: readonly PackageKnowledge[] = [...GROUP_A, ...GROUP_B].sort((a, b) =>
  a.name.localeCompare(b.name),
);

const BY_NAME = new Map(PACKAGES.map((p) => [p.name, p]));

/** The knowledge entry for a PyPI name in any spelling, or undefined for packages we treat as pure Python. */
export function lookupPackage(name: string): PackageKnowledge | undefined {
  return BY_NAME.get(normalizeName(name));
}
