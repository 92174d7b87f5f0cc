/** Deterministic ordering for generated data: code-unit order (not locale order), so bytes never depend on the machine. */

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => cmp(a, b)));
}

/** A deep copy with every object's keys sorted and undefined members dropped. */
export function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => cmp(a, b))
        .map(([k, v]) => [k, stable(v)]),
    );
  }
  return value;
}
