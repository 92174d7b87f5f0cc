/**
 * The draft in localStorage: the wizard keeps it, the error pages clear it. Its own module, so the error pages
 * do not import the wizard.
 */
import { DRAFT_COOKIE } from "@/lib/http/deferred-hydration.mjs";
import { whenIdle } from "./when-idle";

export const DRAFT_KEY = "wheelwright:draft:v1";

/**
 * While a draft is stored, a cookie says so (its value is only "1"): the server then lets the page hydrate at once,
 * so the draft is shown without waiting for an intent (lib/http/deferred-hydration.mjs). A year, this site only.
 */
let marked: boolean | null = null;
function markDraft(stored: boolean) {
  if (marked === stored) return; // set once per change of state, not per keystroke
  marked = stored;
  document.cookie = stored ? `${DRAFT_COOKIE}=1; Path=/; Max-Age=31536000; SameSite=Strict` : `${DRAFT_COOKIE}=; Path=/; Max-Age=0; SameSite=Strict`;
}

/** A draft waiting for the page to be idle (storeDraftSoon), and how to cancel that wait. */
let pending: { json: string | null } | null = null;
let cancelPending: (() => void) | null = null;

/** The stored draft as JSON, or null (none, unreadable, or storage disabled). */
export function readStoredDraft(): unknown {
  try {
    const raw = window.localStorage.getItem(DRAFT_KEY);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

/** Stores the draft's JSON, or forgets it (null). Storage full or disabled: the wizard still works, only without restore. */
export function storeDraft(json: string | null): void {
  // This write supersedes one that was waiting.
  pending = null;
  cancelPending?.();
  cancelPending = null;
  try {
    if (json === null) window.localStorage.removeItem(DRAFT_KEY);
    else window.localStorage.setItem(DRAFT_KEY, json);
    markDraft(json !== null);
  } catch {
    // ignore
  }
}

/**
 * A localStorage write is synchronous (with the JSON, a good part of a keystroke's budget): an edit stores its draft once the page is
 * idle instead of in the keystroke's own task, and at the latest when the page is hidden or left, so a reload or a
 * closed tab loses nothing.
 */
export function storeDraftSoon(json: string | null): void {
  pending = { json };
  cancelPending ??= whenIdle(flushDraft, 1000);
}

function flushDraft(): void {
  if (pending) storeDraft(pending.json);
}

if (typeof window !== "undefined") {
  window.addEventListener("pagehide", flushDraft);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flushDraft();
  });
}
