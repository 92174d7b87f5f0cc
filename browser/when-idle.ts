/**
 * Runs `run` when the main thread is next idle (at the latest after `timeoutMs`), or after a short timer where the
 * browser has no requestIdleCallback (Safari). Returns a function that cancels it. For work the page wants done
 * soon but not inside an input's task.
 */
export function whenIdle(run: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback !== "function") {
    const id = setTimeout(run, 50);
    return () => clearTimeout(id);
  }
  const id = requestIdleCallback(run, { timeout: timeoutMs });
  return () => cancelIdleCallback(id);
}
