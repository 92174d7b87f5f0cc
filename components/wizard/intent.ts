/**
 * The first sign that someone is about to use the page's controls. Served by server/main.mjs, the page hydrates
 * only on such a sign (lib/http/deferred-hydration.mjs marks it with data-intent), so by the time this module runs
 * it has been seen; under `next dev` it is watched for here: a key, a press or touch anywhere, keyboard
 * focus moving into the page, or a mouse over the form, the output or a button. What only an edit needs (the
 * engine, the weight estimate's data) loads then rather than right after hydration, so a page that is only read
 * (or copied from) never pays for it, and the load's main-thread work does not compete with hydration.
 * On a desktop the pointer crosses the form well before the first click, so the engine is there by then;
 * an edit made before it arrives is kept and judged when it does (components/wizard/engine.ts).
 */

const EVENTS = ["keydown", "pointerdown", "touchstart", "focusin", "input", "pointerover"] as const;
/** Where a hovering mouse means "about to use it". Elsewhere (the header's prose, the margins) it means nothing yet. */
const HOVER_TARGETS = "form, aside, button, a, input, select, textarea, summary, [role=tab]";

/** The boot script (lib/http/deferred-hydration.mjs) marks the page when it starts hydration on an intent. */
let seen = typeof document !== "undefined" && document.documentElement.hasAttribute("data-intent");
const waiting = new Set<() => void>();

function onEvent(e: Event) {
  if (e.type === "pointerover") {
    const p = e as PointerEvent;
    if (p.pointerType === "touch" || !(p.target instanceof Element) || !p.target.closest(HOVER_TARGETS)) return;
  }
  seen = true;
  for (const type of EVENTS) document.removeEventListener(type, onEvent, true);
  const run = [...waiting];
  waiting.clear();
  for (const f of run) f();
}

let listening = false;
function listen() {
  if (listening || typeof document === "undefined") return;
  listening = true;
  for (const type of EVENTS) document.addEventListener(type, onEvent, { capture: true, passive: true });
}

/** Runs `run` at the first intent (at once if it was already seen); returns a function that cancels it. */
export function onFirstIntent(run: () => void): () => void {
  if (seen) {
    run();
    return () => {};
  }
  waiting.add(run);
  listen();
  return () => void waiting.delete(run);
}
