/**
 * The draft in localStorage: the wizard keeps it, the error pages clear it. Its own module, so the error pages
 * do not import the wizard.
 */
export const DRAFT_KEY = "wheelwright:draft:v1";

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
