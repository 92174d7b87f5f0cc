/**
 * PEP 503 name normalisation, apart from the knowledge entries (index.ts) so the page can compare package names
 * (chips, "replace a package of the same name") without loading the knowledge.
 */
const NORMALIZED = new Map<string, string>();
const SEPARATORS = /[-_.]+/g;

/** PEP 503: lowercase, runs of "-", "_" and "." become one "-". */
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
