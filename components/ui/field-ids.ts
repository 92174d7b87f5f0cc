/** DOM ids derived from a spec field path ("runtime.env.0.value"), so an issue can find its control. */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

export function errorId(path: string): string {
  return `${fieldId(path)}-error`;
}

export function hintId(path: string): string {
  return `${fieldId(path)}-hint`;
}

/** aria-describedby for a control: its hint and, when it has issues, its error. */
export function describedBy(path: string, hasHint: boolean, hasError: boolean): string | undefined {
  const ids = [hasHint ? hintId(path) : null, hasError ? errorId(path) : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}
