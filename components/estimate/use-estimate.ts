"use client";

import { useEffect, useMemo, useRef } from "react";
import { lazyModule, useLazyModule } from "@/browser/lazy-module";
import type { Estimate } from "@/lib/estimate";
import { estimateKey, type StagesOf } from "@/lib/estimate-key";

/**
 * lib/estimate.ts carries Debian's package sizes (a 180 KB JSON): it is not in the page's first-load
 * JavaScript. The server renders the first estimate; the module is fetched once the page is interactive (which,
 * served by server/main.mjs, is at the first sign of intent to use it), or at the first change of the stage
 * packages, whichever comes first, and computes every later one.
 */
const estimateModule = lazyModule(
  () => import("@/lib/estimate"),
  (err) => console.warn("Weight estimate: the estimate module could not be loaded.", err),
);

/**
 * The estimate for `plan`: computed when the module is loaded; before that, the server's estimate while it
 * still applies (same stages and apt packages), else the last one shown, marked `pending`. `interactive`: the
 * page has hydrated (the module is not requested before, unless an edit needs it).
 */
export function useEstimate(plan: StagesOf, initial: { plan: StagesOf; estimate: Estimate }, interactive: boolean): { estimate: Estimate; pending: boolean } {
  const fn = useLazyModule(estimateModule)?.estimate ?? null;
  const initialKey = useMemo(() => estimateKey(initial.plan), [initial.plan]);
  const key = useMemo(() => estimateKey(plan), [plan]);
  const last = useRef(initial.estimate);
  const current = useMemo(() => (fn ? fn(plan) : key === initialKey ? initial.estimate : null), [fn, plan, key, initialKey, initial.estimate]);
  const needed = current === null;

  useEffect(() => {
    // Not while the page hydrates, unless an edit needs it.
    if (!fn && (needed || interactive)) estimateModule.preload();
  }, [fn, needed, interactive]);

  useEffect(() => {
    if (current) last.current = current;
  }, [current]);

  return current ? { estimate: current, pending: false } : { estimate: last.current, pending: true };
}
