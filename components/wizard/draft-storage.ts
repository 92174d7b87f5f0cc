/**
 * The draft in localStorage: the wizard keeps it, the error pages clear it. Its own module, so the error pages
 * do not import the wizard.
 */
import { DRAFT_STORAGE_KEY } from "@/lib/http/deferred-hydration.mjs";

/** Defined beside the boot script, which hydrates at once for a visitor who has a draft. */
export const DRAFT_KEY = DRAFT_STORAGE_KEY;

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
  try {
    if (json === null) window.localStorage.removeItem(DRAFT_KEY);
    else window.localStorage.setItem(DRAFT_KEY, json);
  } catch {
    // ignore
  }
}
