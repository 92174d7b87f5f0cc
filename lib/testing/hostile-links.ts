/**
 * The corpus of hostile share links and API queries (hostile-links.json), built into query strings. Shared by
 * lib/hostile-links.test.ts (the decoder) and e2e/hostile-links.spec.ts (the page and /api/dockerfile).
 * Browser-safe: TextEncoder and btoa only.
 */
import corpus from "./hostile-links.json" with { type: "json" };

interface Build {
  prefix: string;
  /** Repeated `times` times; "{i}" is replaced by the repetition's index. */
  repeat: string;
  times: number;
  suffix?: string;
}

interface RawEntry {
  id: string;
  why: string;
  query?: string;
  build?: Build;
  compactJson?: string;
  compactBuild?: Build;
  dropped: string[];
  pageDropped?: string[];
  api: number;
  page?: number;
  linkError?: "too-long" | "too-many" | "too-big";
}

export interface HostileLink {
  id: string;
  why: string;
  /** The text after "?". */
  query: string;
  /** Fields (Dropped.field) the decoder must report as dropped. */
  dropped: string[];
  /** Fields the page must name (Next.js strips some parameters before the app sees them). */
  pageDropped: string[];
  /** Status /api/dockerfile must answer. */
  api: number;
  /** Status of the page /?<query> (303: the request guard sends it to the wizard's message). */
  page: number;
  /** With page 303: the code of the `link_error` the wizard is sent to. */
  linkError?: "too-long" | "too-many" | "too-big";
}

function built(b: Build): string {
  let s = b.prefix;
  for (let i = 0; i < b.times; i++) s += b.repeat.replaceAll("{i}", String(i));
  return s + (b.suffix ?? "");
}

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function queryOf(e: RawEntry): string {
  if (e.query !== undefined) return e.query;
  if (e.build) return built(e.build);
  if (e.compactJson !== undefined) return `s=1.${base64url(e.compactJson)}`;
  if (e.compactBuild) return `s=1.${base64url(built(e.compactBuild))}`;
  throw new Error(`hostile-links.json: entry ${e.id} has no query`);
}

export const HOSTILE_LINKS: readonly HostileLink[] = (corpus.entries as RawEntry[]).map((e) => ({
  id: e.id,
  why: e.why,
  query: queryOf(e),
  dropped: e.dropped,
  pageDropped: e.pageDropped ?? e.dropped,
  api: e.api,
  page: e.page ?? 200,
  linkError: e.linkError,
}));
