/**
 * The page's signs of intent, for what loads only when somebody is about to use it. (Hydration itself starts at
 * the first intent too, but that is decided by the boot script in lib/http/deferred-hydration.mjs, which runs
 * before any bundle and is serialised into the page, so it cannot import this.)
 */

/** What kind of sign: a mouse or pen over the element or pressing on it, a touch on it, keyboard focus inside it. */
export type Intent = "pointer" | "touch" | "focus";

const INTENT_EVENTS: Record<string, Intent> = {
  pointerover: "pointer",
  pointermove: "pointer",
  pointerdown: "pointer",
  touchstart: "touch",
  focusin: "focus",
};

/**
 * Calls `run` once, at the first sign of intent to use `element` (a pointer over it, a touch on it, keyboard focus
 * inside it). Returns a function that stops listening (a no-op once `run` was called).
 */
export function onFirstIntent(element: EventTarget, run: (intent: Intent) => void): () => void {
  const onEvent = (e: Event) => {
    stop();
    run((e as PointerEvent).pointerType === "touch" ? "touch" : (INTENT_EVENTS[e.type] ?? "pointer"));
  };
  function stop() {
    for (const type of Object.keys(INTENT_EVENTS)) element.removeEventListener(type, onEvent);
  }
  for (const type of Object.keys(INTENT_EVENTS)) element.addEventListener(type, onEvent, { passive: true });
  return stop;
}

/**
 * Whether the user has given the page input (a key, a press, typing) since this module loaded: a stored draft
 * restored on load changes what the page shows too, but is not the user's doing. (Not `navigator.userActivation`:
 * automation tools grant it with every evaluated script, so tests could not tell the two apart.)
 */
let sawInput = false;
if (typeof document !== "undefined")
  for (const type of ["keydown", "pointerdown", "input"])
    document.addEventListener(type, (e) => void (sawInput ||= e.isTrusted), { capture: true, passive: true });

export function userHasInteracted(): boolean {
  return sawInput;
}
