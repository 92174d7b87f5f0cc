/**
 * Next.js Proxy (formerly middleware): runs before every request except the build's static files and sets the
 * security headers of lib/http/security-headers.ts. Each request gets a fresh CSP nonce; the CSP is also put on
 * the request, where Next.js reads the nonce and stamps it on the inline scripts it renders (that is why every
 * page renders per request: see app/layout.tsx).
 *
 * Cost: Next.js's proxy adapter normalises the query in O(n²) in the number of parameters (keys() × getAll()): a
 * 16 KiB query of "a&a&a…" costs about 2 s of CPU here. The production server (server/main.mjs) therefore answers
 * before Next.js runs when a page query is longer than MAX_QUERY_LENGTH or has more than MAX_QUERY_PARAMS (256)
 * parameters (lib/http/request-guard.mjs), so what reaches this proxy costs a few milliseconds at most. `next dev`
 * has no guard. Keep Node's header limit at its default; see SECURITY.md, "Bounded work".
 */
import { NextResponse, type NextRequest } from "next/server";
import { createNonce, securityHeaders } from "@/lib/http/security-headers";

export function proxy(request: NextRequest) {
  const headers = securityHeaders("page", createNonce(), process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Hashed, immutable build output (JS, CSS, fonts) needs no per-request work, and the API routes set their
  // own (nonce-free) headers, so hostile API queries never pay the proxy's per-parameter cost.
  matcher: ["/((?!_next/static|_next/image|api/).*)"],
};
