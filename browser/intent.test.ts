import { describe, expect, it } from "vitest";
import { onFirstIntent, type Intent } from "./intent";

/** A pointer event as Node can make one (no PointerEvent here): an Event with a pointerType. */
function pointer(type: string, pointerType: string): Event {
  return Object.assign(new Event(type), { pointerType });
}

describe("onFirstIntent", () => {
  it("calls back once, at the first sign, with its kind", () => {
    for (const [event, expected] of [
      [pointer("pointerover", "mouse"), "pointer"],
      [pointer("pointermove", "pen"), "pointer"],
      [pointer("pointerdown", "mouse"), "pointer"],
      [pointer("pointerdown", "touch"), "touch"],
      [new Event("touchstart"), "touch"],
      [new Event("focusin"), "focus"],
    ] as const) {
      const target = new EventTarget();
      const seen: Intent[] = [];
      onFirstIntent(target, (i) => seen.push(i));
      target.dispatchEvent(event);
      target.dispatchEvent(new Event("focusin"));
      expect(seen, event.type).toEqual([expected]);
    }
  });

  it("ignores what is no sign of intent, and nothing after it is stopped", () => {
    const target = new EventTarget();
    const seen: Intent[] = [];
    const stop = onFirstIntent(target, (i) => seen.push(i));
    for (const type of ["click", "scroll", "wheel", "focusout"]) target.dispatchEvent(new Event(type));
    expect(seen).toEqual([]);
    stop();
    target.dispatchEvent(new Event("focusin"));
    expect(seen).toEqual([]);
  });
});
