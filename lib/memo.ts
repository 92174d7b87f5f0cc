/**
 * One memo for the pure functions the page calls on every keystroke with the same few arguments: results by a
 * string key, at most `size` of them (the least recently used goes first), so user input cannot grow it.
 */
export interface Memoized<A extends unknown[], R> {
  (...args: A): R;
  /** Forgets every result (benchmarks measuring the cold path). */
  clear(): void;
}

export function memo<A extends unknown[], R>(fn: (...args: A) => R, options: { key: (...args: A) => string; size: number }): Memoized<A, R> {
  const { key, size } = options;
  const results = new Map<string, R>();
  const memoized = (...args: A): R => {
    const k = key(...args);
    if (results.has(k)) {
      const hit = results.get(k)!;
      results.delete(k);
      results.set(k, hit);
      return hit;
    }
    const result = fn(...args);
    if (results.size >= size) results.delete(results.keys().next().value!);
    results.set(k, result);
    return result;
  };
  return Object.assign(memoized, { clear: () => results.clear() });
}
