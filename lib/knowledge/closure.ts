/**
 * The Depends + Pre-Depends closure walk, once for both views of the Debian snapshot (lib/knowledge/debian.ts and
 * the weight estimate's compact projection, lib/estimate.ts): each resolves virtual names its own way and hands
 * the real names here.
 */

/**
 * Adds `roots` and everything they depend on to `into` (a new set unless given), never entering a name in `stop`.
 * `dependsOf` gives a package's dependencies (real names), or undefined for a name the data does not hold: that
 * name is kept, not expanded.
 */
export function dependsClosure(
  roots: Iterable<string>,
  dependsOf: (name: string) => readonly string[] | undefined,
  stop: ReadonlySet<string> = new Set(),
  into: Set<string> = new Set(),
): Set<string> {
  const stack = [...roots];
  while (stack.length) {
    const n = stack.pop()!;
    if (into.has(n) || stop.has(n)) continue;
    into.add(n);
    for (const d of dependsOf(n) ?? []) if (!into.has(d) && !stop.has(d)) stack.push(d);
  }
  return into;
}
