/**
 * The HTTP security headers of every response the app renders (set by proxy.ts).
 *
 * Content-Security-Policy, directive by directive (pages):
 * - default-src 'self': anything not named below (media, manifests, frames' sources...) only from our origin.
 * - script-src 'self' 'nonce-…': the app's own bundles (/_next/static) plus the inline bootstrap scripts Next.js
 *   writes into the HTML, which carry this request's nonce (Next reads it from the request's CSP header). No
 *   'unsafe-inline' and no 'strict-dynamic': every script we load is same-origin, so 'self' covers the chunks the
 *   runtime adds later (Monaco included). No 'unsafe-eval' in production: neither React, Next nor Monaco's
 *   editor core evaluates strings. In development React uses eval for its debugging stacks, so `next dev` adds it.
 *   Nothing on our origin serves user text as script: /api/dockerfile answers text/plain or JSON with nosniff.
 * - style-src 'self' 'unsafe-inline': Monaco creates <style> elements (theme colours, decorations) without a nonce
 *   and writes its view lines as HTML with style="" attributes; React also sets style attributes. A nonce cannot
 *   cover either (and would switch 'unsafe-inline' off). Injected CSS cannot run code; the risk it leaves
 *   (styling or hiding parts of the page) needs an HTML injection we do not have: React escapes all user text.
 * - img-src 'self' data:: our icon, plus two tiny data: PNG patterns in Monaco's CSS.
 * - font-src 'self': Monaco's codicon font, bundled by Next.
 * - connect-src 'self': fetch/XHR only to our origin (the page makes none besides Next's own RSC requests;
 *   in development also the HMR web socket, which 'self' matches).
 * - worker-src 'self': no worker runs (see components/preview/monaco-loader.ts); if one ever does, ours only.
 * - object-src 'none', frame-src 'none': no plugins, no frames.
 * - base-uri 'none': an injected <base> cannot redirect relative script URLs.
 * - form-action 'self': the wizard's form never submits; if it did, only to us.
 * - frame-ancestors 'none': nobody may frame the page (clickjacking; X-Frame-Options: DENY for older browsers).
 * No upgrade-insecure-requests: it would break plain-HTTP use on a LAN or in tests; TLS (and HSTS) belong to the
 * proxy in front of a public deployment.
 *
 * API routes answer data, never documents to render: their policy allows nothing at all.
 *
 * No Cross-Origin-Opener-Policy. `same-origin` makes every navigation from a page without it (a new tab, a link
 * from another site) switch browsing-context group. That means a fresh renderer process and a cold V8 context on
 * the page's critical path: tens to hundreds of milliseconds of main-thread work, enough on its own to cost a
 * phone's Lighthouse performance score several points.
 * What COOP would protect is a window reference held by another origin. Wheelwright has no login, no secrets and
 * no per-user data on the page, and framing is already refused, so this buys little here. Revisit it if the page
 * ever shows private data.
 *
 * Pure and browser-safe (no Node APIs), so the policy can be tested and read from one place.
 */

export type HeaderKind = "page" | "api";

/** A fresh, unguessable nonce (128 random bits, base64). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function pageCsp(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const API_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Powerful features the app never uses are switched off for it and anything it could embed. clipboard-write stays
 * allowed for our own origin (the Copy and Share buttons). Only features Chromium knows are listed: an unknown
 * name (e.g. bluetooth) logs a console warning on every page.
 */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "browsing-topics=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
  "clipboard-write=(self)",
].join(", ");

/** Headers that are the same for every response, whatever its kind. */
export const COMMON_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": PERMISSIONS_POLICY,
});

export function securityHeaders(kind: HeaderKind, nonce: string, dev = false): Record<string, string> {
  return { ...COMMON_SECURITY_HEADERS, "Content-Security-Policy": kind === "api" ? API_CSP : pageCsp(nonce, dev) };
}
