import { describe, expect, it } from "vitest";
import { generate } from "./generate";
import { LIMITS, parseSpec } from "./spec";
import { MAX_QUERY_LENGTH, RAW_QUERY_MAX, queryLength, searchParamsToSpec } from "./share";
import { HOSTILE_LINKS } from "./testing/hostile-links";
import { HEAD_PREFIX, guardRequest, overflowAnswer, parseLinkError } from "./http/request-guard.mjs";
import { HOSTILE_FRAGMENTS } from "./testing/injection";

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();

describe("hostile share links (lib/testing/hostile-links.json)", () => {
  const before = prototypeKeys();

  it("covers every kind of hostile link the issue lists", () => {
    const ids = HOSTILE_LINKS.map((h) => h.id).join(" ");
    for (const kind of ["oversized", "truncated", "double-encoded", "wrong-version", "unknown", "proto", "constructor", "invalid-utf8", "crlf", "newline", "packages-301", "repeated"])
      expect(ids).toContain(kind);
    expect(HOSTILE_LINKS.some((h) => h.query.length > 100_000)).toBe(true);
    expect(new Set(HOSTILE_LINKS.map((h) => h.id)).size).toBe(HOSTILE_LINKS.length);
  });

  for (const link of HOSTILE_LINKS) {
    it(`${link.id}: never throws, keeps a valid spec and reports what it dropped (${link.why})`, () => {
      // As the page gets it: the text after "?".
      const decoded = searchParamsToSpec(`?${link.query}`);
      const fields = decoded.dropped.map((d) => d.field);
      for (const field of link.dropped) expect(fields).toContain(field);
      for (const d of decoded.dropped) {
        expect(typeof d.field).toBe("string");
        expect(typeof d.message).toBe("string");
        expect(d.message.length).toBeGreaterThan(0);
        if (d.value !== undefined) expect(d.value.length).toBeLessThanOrEqual(120);
      }
      expect(parseSpec(decoded.spec).ok).toBe(true);
      expect(generate(decoded.spec).dockerfile.length).toBeGreaterThan(0);
      // The same fields are dropped when the query arrives parsed (URLSearchParams, as the HTTP route reads it).
      expect(searchParamsToSpec(new URLSearchParams(link.query)).dropped.map((d) => d.field)).toEqual(fields);
      // Nothing in the link reached Object.prototype.
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getPrototypeOf(decoded.spec)).toBe(Object.prototype);
    });
  }

  it("leaves Object.prototype as it was", () => {
    expect(prototypeKeys()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
  });
});

describe("the production server's request guard on the corpus (lib/http/request-guard.mjs)", () => {
  /** Node's default header limit, and room for a browser's own request line and headers (no cookies here). */
  const MAX_HEADER = 16384;
  const BROWSER_HEADERS = 1024;
  const answer = (target: string) =>
    target.length + BROWSER_HEADERS > MAX_HEADER ? overflowAnswer(`GET ${target}`.slice(0, HEAD_PREFIX), MAX_HEADER) : guardRequest(target);

  it("has links on both sides of every guard limit, none near the header limit", () => {
    const near = HOSTILE_LINKS.filter((h) => Math.abs(h.query.length + 2 + BROWSER_HEADERS - MAX_HEADER) < 1500);
    expect(near.map((h) => h.id)).toEqual([]);
    for (const code of ["too-long", "too-many", "too-big"]) expect(HOSTILE_LINKS.some((h) => h.linkError === code)).toBe(true);
  });

  for (const link of HOSTILE_LINKS) {
    it(`${link.id}: page ${link.page}${link.linkError ? ` to link_error=${link.linkError}` : ""}, api ${link.api}`, () => {
      const page = answer(`/?${link.query}`);
      if (link.page === 303) {
        expect(page?.status).toBe(303);
        const code = new URL(page!.headers.Location, "http://localhost").searchParams.get("link_error");
        expect(parseLinkError(code).code).toBe(link.linkError);
      } else expect(page).toBeNull();
      // The API: the guard answers heads over the limit and too many parameters; the route the rest (e2e checks it).
      const api = answer(`/api/dockerfile?${link.query}`);
      if (api) {
        expect(api.status).toBe(414);
        expect(link.api).toBe(414);
        expect(JSON.parse(api.body).issues[0].field).toBe("query");
      }
    });
  }
});

describe("bounded work: the worst links decode quickly", () => {
  /** build(n) for the largest n (up to 2^14) whose query still fits MAX_QUERY_LENGTH. */
  function longest(build: (n: number) => string): string {
    let lo = 1;
    let hi = 1;
    while (queryLength(build(hi)) <= MAX_QUERY_LENGTH) {
      if (hi >= 1 << 14) return build(hi);
      hi *= 2;
    }
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (queryLength(build(mid)) <= MAX_QUERY_LENGTH) lo = mid;
      else hi = mid;
    }
    return build(lo);
  }
  const hostile = (n: number) => Array.from({ length: n }, (_, i) => HOSTILE_FRAGMENTS[i % HOSTILE_FRAGMENTS.length]).join("");
  const enc = encodeURIComponent;
  const b64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

  const cases: [string, string][] = [
    ["hostile text in every free-text field", longest((n) => `cmd=${enc(hostile(n))}&env=A=${enc(hostile(n))}&workdir=${enc(hostile(n))}&health=${enc(hostile(n))}`)],
    ["hostile package list", longest((n) => `packages=${enc(Array.from({ length: n }, (_, i) => `p${i}${hostile(3)}`).join(","))}`)],
    ["markers that almost match", longest((n) => `packages=${enc(`numpy; ${'python_version >= "3" and '.repeat(n)}x`)}`)],
    [`${LIMITS.packages} valid packages`, `packages=${Array.from({ length: LIMITS.packages }, (_, i) => `p${i}`).join(",")}`],
    [`${LIMITS.packages} packages with specifiers, compact`, longest((n) => `s=1.${b64(JSON.stringify({ packages: Array.from({ length: Math.min(n, LIMITS.packages) }, (_, i) => `p${i}>=1.${i},<2`) }))}`)],
    [`${LIMITS.packages} invalid packages, compact`, `s=1.${b64(JSON.stringify({ packages: Array.from({ length: LIMITS.packages }, () => ({ name: "-" })) }))}`],
    [`${LIMITS.packages + 1} packages`, `packages=${Array.from({ length: LIMITS.packages + 1 }, (_, i) => `p${i}`).join(",")}`],
    [`${LIMITS.env} hostile environment variables`, longest((n) => Array.from({ length: Math.min(n, LIMITS.env) }, (_, i) => `env=V${i}=${enc(hostile(n))}`).join("&"))],
    ["list separators only", longest((n) => `packages=${",[".repeat(n)}`)],
    ["percent signs up to the raw limit", "%".repeat(RAW_QUERY_MAX)],
    ["junk over the raw limit", "a=".repeat(RAW_QUERY_MAX)],
  ];

  for (const [name, query] of cases) {
    it(`${name} (${query.length} characters): under a second`, () => {
      const t0 = performance.now();
      const decoded = searchParamsToSpec(`?${query}`);
      const ms = performance.now() - t0;
      expect(parseSpec(decoded.spec).ok).toBe(true);
      // Typically 1–30 ms; the bound is loose on purpose (shared CI machines).
      expect(ms).toBeLessThan(1000);
    });
  }

  it(`a link with ${LIMITS.packages} packages keeps them all, one more drops the list naming the field`, () => {
    const list = (n: number) => `?packages=${Array.from({ length: n }, (_, i) => `p${i}`).join(",")}`;
    const ok = searchParamsToSpec(list(LIMITS.packages));
    expect(ok.dropped).toEqual([]);
    expect(ok.spec.packages).toHaveLength(LIMITS.packages);
    const over = searchParamsToSpec(list(LIMITS.packages + 1));
    expect(over.dropped).toEqual([expect.objectContaining({ field: "packages", message: `at most ${LIMITS.packages} packages` })]);
  });

  it("measures a query as links are written: re-escaped commas count once", () => {
    const q = `packages=${Array.from({ length: 1500 }, (_, i) => `p${i}`).join(",")}`;
    expect(q.length).toBeGreaterThan(MAX_QUERY_LENGTH / 2);
    expect(queryLength(q.replaceAll(",", "%2C"))).toBe(queryLength(q));
    expect(queryLength(new URLSearchParams(q))).toBe(q.length);
    expect(queryLength("x".repeat(RAW_QUERY_MAX + 1))).toBe(RAW_QUERY_MAX + 1);
  });
});
