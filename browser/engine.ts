"use client";

/**
 * Loads the engine (lib/engine.ts: zod, the package knowledge, resolve and render) with one import(), so it is
 * not in the page's first-load JavaScript. useWizard starts loading it once the page is interactive;
 * anything that needs it before it has arrived waits for it (withEngine) instead of failing or dropping input.
 */
import { useSyncExternalStore } from "react";

export type Engine = typeof import("@/lib/engine");

let engine: Engine | null = null;
let loading: Promise<Engine> | null = null;
const listeners = new Set<() => void>();

/** The engine, loading it once (a failed load is retried by the next call). */
export function loadEngine(): Promise<Engine> {
  loading ??= import("@/lib/engine").then(
    (m) => {
      engine = m;
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

function warn(err: unknown) {
  console.warn("Wheelwright: the engine could not be loaded; reload the page.", err);
}

export function isEngineLoaded(): boolean {
  return engine !== null;
}

/** Runs `run` with the engine: at once when it is loaded (keeping the user gesture), else when it arrives. */
export function withEngine(run: (e: Engine) => void): void {
  if (engine) run(engine);
  else loadEngine().then(run, warn);
}

/** Starts loading the engine (idempotent), reporting a failure instead of throwing. */
export function preloadEngine(): void {
  if (!engine) loadEngine().catch(warn);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The engine once it has loaded, else null (also while hydrating, like the server). */
export function useEngine(): Engine | null {
  return useSyncExternalStore(
    subscribe,
    () => engine,
    () => null,
  );
}
