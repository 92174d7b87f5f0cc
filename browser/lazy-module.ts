"use client";

/**
 * A module loaded with import() on demand, so it stays out of the page's first-load JavaScript: loaded once, a
 * failed load forgotten (the next request tries again), and usable three ways: awaited (load), run now or
 * on arrival (withModule), or read in a component that re-renders when it arrives (useLazyModule).
 */
import { useSyncExternalStore } from "react";

export interface LazyModule<T> {
  /** The module once it has loaded, else null. */
  current(): T | null;
  /** The module, loading it once; after a failure the next call loads it again. */
  load(): Promise<T>;
  /**
   * Runs `run` with the module: at once when it is loaded (in the caller's task, so a user gesture still counts),
   * else when it arrives. A failed load is reported (the `onFailure` given to lazyModule), not thrown.
   */
  withModule(run: (m: T) => void): void;
  /** Starts loading it (idempotent), reporting a failure instead of throwing. */
  preload(): void;
  /** Calls `listener` when the module has arrived; returns the unsubscribe (the useSyncExternalStore contract). */
  subscribe(listener: () => void): () => void;
}

/** `importer` is the import() of the module; `onFailure` reports a failed load that nobody awaits (withModule, preload). */
export function lazyModule<T>(importer: () => Promise<T>, onFailure: (err: unknown) => void): LazyModule<T> {
  let loaded: T | null = null;
  let loading: Promise<T> | null = null;
  const listeners = new Set<() => void>();

  function load(): Promise<T> {
    loading ??= importer().then(
      (m) => {
        loaded = m;
        for (const l of listeners) l();
        return m;
      },
      (err: unknown) => {
        loading = null;
        throw err;
      },
    );
    return loading;
  }

  return {
    current: () => loaded,
    load,
    withModule(run) {
      if (loaded) run(loaded);
      else load().then(run, onFailure);
    },
    preload() {
      if (!loaded) load().catch(onFailure);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The module once it has loaded, else null (also while hydrating, as on the server); re-renders when it arrives. */
export function useLazyModule<T>(module: LazyModule<T>): T | null {
  return useSyncExternalStore(module.subscribe, module.current, serverSnapshot);
}

function serverSnapshot(): null {
  return null;
}
