"use client";

/**
 * Loads the engine (lib/engine.ts: zod, the package knowledge, resolve and render) with one import(), so it is
 * not in the page's first-load JavaScript. useWizard starts loading it once the page is interactive;
 * anything that needs it before it has arrived waits for it (withEngine) instead of failing or dropping input.
 */
import { lazyModule, useLazyModule } from "./lazy-module";

export type Engine = typeof import("@/lib/engine");

const engine = lazyModule<Engine>(
  () => import("@/lib/engine"),
  (err) => console.warn("Wheelwright: the engine could not be loaded; reload the page.", err),
);

export function isEngineLoaded(): boolean {
  return engine.current() !== null;
}

/** Runs `run` with the engine: at once when it is loaded (keeping the user gesture), else when it arrives. */
export const withEngine = engine.withModule;

/** Starts loading the engine (idempotent; a failed load is retried by the next call), reporting a failure instead of throwing. */
export const preloadEngine = engine.preload;

/** The engine once it has loaded, else null (also while hydrating, like the server). */
export function useEngine(): Engine | null {
  return useLazyModule(engine);
}
