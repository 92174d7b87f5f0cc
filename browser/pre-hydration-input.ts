/**
 * The page hydrates on intent (lib/http/deferred-hydration.mjs): between the first touch or keystroke and React's
 * arrival, the form's native controls already work (text can be typed, a box ticked, a radio chosen), but no
 * React handler saw it. Right after hydration, adoptPreHydrationInput() hands every such change to React as if
 * it had just happened, and the boot script then replays the clicks it held (buttons, tabs, options).
 *
 * React's hydration keeps what the user typed in the DOM and records React's own value as the control's default
 * (defaultValue, defaultChecked, an option's defaultSelected), so a control whose current value differs from its
 * default was changed before hydration. React notices a change only when the value differs from the one its
 * tracker last saw, and the tracker saw the typed value at hydration: so the control is set back to the default
 * through the element's own property (React's tracker records that), then to the typed value through the
 * prototype's setter (which the tracker does not see), and the event React listens to is dispatched.
 */

type Tracked = HTMLInputElement | HTMLTextAreaElement;

function replay(el: Tracked, property: "value" | "checked", typed: string | boolean, previous: string | boolean, event: "input" | "click") {
  (el as unknown as Record<string, unknown>)[property] = previous;
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), property)?.set;
  setter?.call(el, typed);
  el.dispatchEvent(new Event(event, { bubbles: true }));
}

/** Hands React the form changes made before it hydrated; returns how many controls were replayed. */
export function adoptPreHydrationInput(root: ParentNode = document): number {
  let replayed = 0;
  for (const el of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>("input, textarea, select")) {
    if (el.disabled) continue;
    if (el instanceof HTMLSelectElement) {
      if (![...el.options].some((o) => o.selected !== o.defaultSelected)) continue;
      el.dispatchEvent(new Event("change", { bubbles: true }));
    } else if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) {
      // A radio chosen also unchecked its neighbour: only the chosen one is replayed (React clears the other).
      if (el.checked === el.defaultChecked || (el.type === "radio" && !el.checked)) continue;
      replay(el, "checked", el.checked, el.defaultChecked, "click");
    } else {
      if (el.value === el.defaultValue) continue;
      replay(el, "value", el.value, el.defaultValue, "input");
    }
    replayed++;
  }
  return replayed;
}

/** Tells the boot script that React is there: it replays the clicks it held meanwhile. A no-op under `next dev`. */
export function releaseHeldClicks(): void {
  (window as unknown as { __wheelwrightBoot?: { hydrated(): void } }).__wheelwrightBoot?.hydrated();
}
