import { GROUP_A } from "./packages/group-a";
import { GROUP_B } from "./packages/group-b";
import type { PackageKnowledge } from "./types";

export * from "./types";

/** PEP 503: lowercase, runs of "-", "_" and "." become one "-". */
const NORMALIZED = new Map<string, string>();
const SEPARATORS = /[-_.]+/g;

export function normalizeName(name: string): string {
  let n = NORMALIZED.get(name);
  if (n === undefined) {
    n = name.toLowerCase().replace(SEPARATORS, "-");
    // Names come from user input: keep the cache bounded (the page calls this on every keystroke).
    if (NORMALIZED.size >= 4096) NORMALIZED.clear();
    NORMALIZED.set(name, n);
  }
  return n;
}

export const PACKAGES: readonly PackageKnowledge[] = [...GROUP_A, ...GROUP_B].sort((a, b) =>
  a.name.localeCompare(b.name),
);

const BY_NAME = new Map(PACKAGES.map((p) => [p.name, p]));

/** The knowledge entry for a PyPI name in any spelling, or undefined for packages we treat as pure Python. */
export function lookupPackage(name: string): PackageKnowledge | undefined {
  return BY_NAME.get(normalizeName(name));
}
