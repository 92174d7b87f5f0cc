import { describe, expect, it } from "vitest";
import { securityHeaders } from "./security-headers";
import {
  ANSWER_HEADERS,
  HEAD_PREFIX,
  LINK_ERROR_PARAM,
  MAX_QUERY_PARAMS,
  RequestStart,
  bytesPrefix,
  countParams,
  defaultClientErrorResponse,
  guardRequest,
  linkErrorLocation,
  linkErrorMessage,
  overflowAnswer,
  overflowResponse,
  parseLinkError,
  rawResponse,
  requestKind,
  splitTarget,
} from "./request-guard.mjs";
import { LIMITS } from "../spec";
import { MAX_QUERY_LENGTH, PARAMS, encodeShare, queryLength, searchParamsToSpec } from "../share";

const bytes = (s: string) => new TextEncoder().encode(s);
/** A readable packages query of exactly `length` characters (as written and as measured). */
const packagesQuery = (length: number) => `packages=${"a".repeat(length - "packages=".length)}`;

describe("splitTarget, countParams, requestKind", () => {
  it("splits origin-form and absolute-form targets and drops a fragment", () => {
    expect(splitTarget("/?a=1&b")).toEqual({ path: "/", query: "a=1&b" });
    expect(splitTarget("/api/dockerfile?python=3.12#x?y")).toEqual({ path: "/api/dockerfile", query: "python=3.12" });
    expect(splitTarget("http://example.org/api/x?q=1")).toEqual({ path: "/api/x", query: "q=1" });
    expect(splitTarget("http://example.org?q=1")).toEqual({ path: "/", query: "q=1" });
    expect(splitTarget("/preview-demo")).toEqual({ path: "/preview-demo", query: "" });
    expect(splitTarget("*")).toEqual({ path: "*", query: "" });
  });

  it("counts parameters as URLSearchParams reads them", () => {
    for (const q of ["", "a", "a&b", "a&&b", "&&&", "=&&&=1&&", "a=1&a=2&a=3", "&a&", "x=%26&y", "a".repeat(50)])
      expect(countParams(q)).toBe([...new URLSearchParams(q)].length);
    expect(countParams("a&".repeat(8192))).toBe(8192);
  });

  it("tells the API and Next's files from pages as proxy.ts's matcher does", () => {
    expect(requestKind("/api/dockerfile")).toBe("api");
    expect(requestKind("/api/health")).toBe("api");
    expect(requestKind("/_next/static/chunks/x.js")).toBe("next");
    expect(requestKind("/")).toBe("page");
    expect(requestKind("/api")).toBe("page");
    expect(requestKind("/preview-demo")).toBe("page");
  });
});

describe("guardRequest: pages", () => {
  it("passes links up to MAX_QUERY_LENGTH and redirects one character more", () => {
    expect(guardRequest("/")).toBeNull();
    expect(guardRequest(`/?${packagesQuery(MAX_QUERY_LENGTH)}`)).toBeNull();
    const over = guardRequest(`/?${packagesQuery(MAX_QUERY_LENGTH + 1)}`);
    expect(over?.status).toBe(303);
    expect(over?.headers.Location).toBe(`/?${LINK_ERROR_PARAM}=too-long.${MAX_QUERY_LENGTH + 1}`);
  });

  it("measures as share links are written (queryLength): re-escaped commas count once", () => {
    const q = `packages=${Array.from({ length: 1400 }, (_, i) => `p${i}`).join(",")}`.slice(0, MAX_QUERY_LENGTH);
    const escaped = q.replaceAll(",", "%2C");
    expect(escaped.length).toBeGreaterThan(MAX_QUERY_LENGTH);
    expect(queryLength(escaped)).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(guardRequest(`/?${escaped}`)).toBeNull();
    // …and the decoder opens it: the guard refuses nothing the page would open.
    expect(searchParamsToSpec(`?${escaped}`).dropped.map((d) => d.field)).not.toContain("query");
    // Characters a link writes escaped count as their escape.
    const quoted = `cmd=${"|".repeat(3000)}`;
    expect(queryLength(quoted)).toBeGreaterThan(quoted.length);
  });

  it(`passes ${MAX_QUERY_PARAMS} parameters and redirects one more`, () => {
    const params = (n: number) => `/?${Array.from({ length: n }, (_, i) => `x${i}`).join("&")}`;
    expect(guardRequest(params(MAX_QUERY_PARAMS))).toBeNull();
    const over = guardRequest(params(MAX_QUERY_PARAMS + 1));
    expect(over?.status).toBe(303);
    expect(over?.headers.Location).toBe(`/?link_error=too-many.${MAX_QUERY_PARAMS + 1}`);
  });

  it("names the length when a query is both too long and has too many parameters (a 16 KiB a&a&…)", () => {
    const q = "a&".repeat(8192);
    expect(guardRequest(`/?${q}`)?.headers.Location).toBe(`/?link_error=too-long.${queryLength(q)}`);
  });

  it("answers any page path and method alike, with the API's security headers and no store", () => {
    const a = guardRequest(`/preview-demo?${packagesQuery(9000)}`)!;
    expect(a.status).toBe(303);
    expect(a.headers["Cache-Control"]).toBe("no-store");
    expect(a.headers["Content-Length"]).toBe(String(a.body.length));
    expect(a.body).toContain(a.headers.Location);
    const api = securityHeaders("api", "");
    for (const [name, value] of Object.entries(ANSWER_HEADERS)) if (name in api) expect(value).toBe(api[name]);
    expect(ANSWER_HEADERS["Content-Security-Policy"]).toBe(api["Content-Security-Policy"]);
  });

  it(`stays well above what encodeShare writes (readable form: one parameter per field, one per environment variable)`, () => {
    const most = PARAMS.filter((p) => !p.repeated).length + PARAMS.filter((p) => p.repeated).length * LIMITS.env + 1; // + preset
    expect(most * 2).toBeLessThan(MAX_QUERY_PARAMS);
    const env = Array.from({ length: LIMITS.env }, (_, i) => `env=V${i}=${i}`).join("&");
    const decoded = searchParamsToSpec(`?python=3.12&base=slim-bookworm&strategy=venv&packages=numpy&apt-runtime=tini&workdir=/srv&port=9000&unbuffered=0&${env}`);
    expect(decoded.dropped).toEqual([]);
    const r = encodeShare(decoded.spec);
    expect(r.ok && r.form).toBe("readable");
    expect(r.ok && countParams(r.query)).toBeGreaterThan(LIMITS.env);
    expect(r.ok && countParams(r.query)).toBeLessThanOrEqual(most);
  });
});

describe("guardRequest: API and Next's files", () => {
  it("leaves long API queries to the route (its 414 names the field), but answers too many parameters with a 414 JSON", () => {
    expect(guardRequest(`/api/dockerfile?${packagesQuery(20_000)}`)).toBeNull();
    expect(guardRequest(`/api/dockerfile?${Array.from({ length: MAX_QUERY_PARAMS }, () => "a").join("&")}`)).toBeNull();
    const a = guardRequest(`/api/dockerfile?${"a&".repeat(MAX_QUERY_PARAMS + 1)}`)!;
    expect(a.status).toBe(414);
    expect(a.headers["Content-Type"]).toBe("application/json");
    expect(JSON.parse(a.body)).toEqual({ error: expect.stringContaining(`limit is ${MAX_QUERY_PARAMS}`), issues: [{ field: "query", message: `more than ${MAX_QUERY_PARAMS} parameters` }] });
    expect(guardRequest(`/_next/static/x.js?${"a&".repeat(MAX_QUERY_PARAMS + 1)}`)?.status).toBe(414);
    expect(guardRequest(`/_next/static/x.js?${packagesQuery(9000)}`)).toBeNull();
  });

  it("does O(length) work: a 1 MB query takes milliseconds", () => {
    for (const q of ["a&".repeat(500_000), "%".repeat(1_000_000), "a=".repeat(500_000), `${"%2C".repeat(5000)}`]) {
      const t0 = performance.now();
      guardRequest(`/?${q}`);
      guardRequest(`/api/dockerfile?${q}`);
      expect(performance.now() - t0).toBeLessThan(500);
    }
  });
});

describe("heads too big for Node's parser", () => {
  const MAX = 16384;
  it("redirects page GET and HEAD requests to the wizard's message", () => {
    for (const start of ["GET /?packages=aaaaaaaaaaaaaaaaaaaa", "GET /preview-demo?x=1", "\r\nGET /?a", "HEAD /?s=1.eyJ"]) {
      const a = overflowAnswer(start, MAX);
      expect(a?.status).toBe(303);
      expect(a?.headers.Location).toBe("/?link_error=too-big");
    }
  });

  it("answers API requests, other methods and Next's files with a 414 JSON naming the query", () => {
    for (const start of ["GET /api/dockerfile?packages=aaaaa", "POST /?a=1", "GET /_next/static/x.js?aaa", "OPTIONS /api/x"]) {
      const a = overflowAnswer(start, MAX)!;
      expect(a.status).toBe(414);
      const body = JSON.parse(a.body);
      expect(body.issues).toEqual([{ field: "query", message: `longer than ${MAX_QUERY_LENGTH} characters` }]);
      expect(body.error).toContain(`${MAX} bytes`);
    }
  });

  it("keeps Node's own answer for bytes that are no request line (garbage, the middle of a URL, absolute-form, nothing)", () => {
    for (const start of ["", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", "get /?a", "GET http://x/?a", "GET", "PRI * HTTP/2.0\r\n"])
      expect(overflowAnswer(start, MAX)).toBeNull();
    expect(overflowResponse("garbage", MAX)).toBeNull();
  });

  it("writes a complete HTTP/1.1 response that closes the connection (no body for HEAD)", () => {
    const get = overflowResponse("GET /api/dockerfile?a", MAX)!;
    const [head, body] = get.split("\r\n\r\n");
    expect(head.split("\r\n")[0]).toBe("HTTP/1.1 414 URI Too Long");
    expect(head).toContain("\r\nConnection: close");
    expect(head).toContain("\r\nContent-Type: application/json");
    expect(Number(/Content-Length: (\d+)/.exec(head)![1])).toBe(bytes(body).length);
    JSON.parse(body);
    const page = overflowResponse("HEAD /?a", MAX)!;
    expect(page.startsWith("HTTP/1.1 303 See Other\r\n")).toBe(true);
    expect(page).toContain("\r\nLocation: /?link_error=too-big\r\n");
    expect(page.endsWith("\r\n\r\n")).toBe(true);
    expect(rawResponse(overflowAnswer("GET /", MAX)!).endsWith("See /?link_error=too-big\n")).toBe(true);
  });

  it("keeps Node's default answers for every other client error", () => {
    expect(defaultClientErrorResponse("HPE_HEADER_OVERFLOW")).toBe("HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n");
    expect(defaultClientErrorResponse("HPE_INVALID_METHOD")).toBe("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    expect(defaultClientErrorResponse("ERR_HTTP_REQUEST_TIMEOUT")).toMatch(/^HTTP\/1\.1 408 /);
    expect(defaultClientErrorResponse("HPE_CHUNK_EXTENSIONS_OVERFLOW")).toMatch(/^HTTP\/1\.1 413 /);
    expect(defaultClientErrorResponse(undefined)).toMatch(/^HTTP\/1\.1 400 /);
  });
});

describe("RequestStart: the first bytes of each request on a connection", () => {
  it("keeps HEAD_PREFIX bytes across chunks, as latin1", () => {
    const s = new RequestStart();
    s.data(bytes("GE"));
    s.data(bytes("T /api/dockerfile?packages="));
    s.data(bytes("a".repeat(100)));
    expect(s.text).toBe("GET /api/dockerfile?packages=aaaaaaa".slice(0, HEAD_PREFIX));
    expect(bytesPrefix(new Uint8Array([0xff, 0x41]))).toBe("\xffA");
    expect(bytesPrefix(undefined)).toBe("");
  });

  it("ignores a request's body and starts again after its response (keep-alive)", () => {
    const s = new RequestStart();
    s.data(bytes("POST /api/x HTTP/1.1\r\n\r\n"));
    s.headParsed();
    expect(s.collecting).toBe(false);
    s.data(bytes("GET /?body-text-that-looks-like-a-request"));
    s.responseDone();
    expect(s.collecting).toBe(true);
    expect(s.text).toBe("");
    s.data(bytes("GET /?aaaa"));
    expect(s.text).toBe("GET /?aaaa");
    expect(overflowAnswer(s.text, 16384)?.status).toBe(303);
  });
});

describe("link_error: what the wizard says", () => {
  it("round-trips the guard's codes and reads nothing else", () => {
    expect(parseLinkError(new URL(linkErrorLocation("too-long", 120_345), "http://x").searchParams.get("link_error"))).toEqual({ code: "too-long", size: 120_345 });
    expect(parseLinkError("too-many.300")).toEqual({ code: "too-many", size: 300 });
    expect(parseLinkError("too-big")).toEqual({ code: "too-big" });
    for (const v of [null, undefined, "", "too-long", "too-long.", "too-long.0", "too-long.0123", "too-long.1234567890", "too-long.12a", "too-big.5", " too-big", "too-long.-1", "x".repeat(10_000), "<script>"])
      expect(parseLinkError(v)).toEqual({ code: "unknown" });
    expect(linkErrorLocation("too-long", 5e12)).toBe("/?link_error=too-long.999999999");
  });

  it("says how long the link was, the limit, and that the default build is shown", () => {
    expect(linkErrorMessage({ code: "too-long", size: 120_345 })).toBe(
      "This link is 120,345 characters long; Wheelwright opens links up to 8,000 characters. It was not opened: here is the default build.",
    );
    expect(linkErrorMessage({ code: "too-many", size: 1000 })).toBe(
      `This link has 1,000 parameters; Wheelwright opens links with up to ${MAX_QUERY_PARAMS}. It was not opened: here is the default build.`,
    );
    expect(linkErrorMessage({ code: "too-big" })).toMatch(/^This link is too long for the server to read \(over 16 KiB\); .*here is the default build\.$/);
    expect(linkErrorMessage({ code: "unknown" })).toBe("This link could not be opened. It was not opened: here is the default build.");
    // A forged number under the limit is not repeated.
    expect(linkErrorMessage({ code: "too-long", size: 5 })).toBe("This link is longer than 8,000 characters, the most Wheelwright opens. It was not opened: here is the default build.");
    expect(linkErrorMessage({ code: "too-many", size: 5 })).not.toContain(" 5 ");
  });
});
