/**
 * The request guard of the production server (server/main.mjs): cheap checks that run before Next.js sees a
 * request, so a hostile share link costs O(its length) and always gets an answer the user can read.
 *
 * Why: Next.js's proxy adapter (proxy.ts) normalises the query in O(n²) in the number of parameters (a 16 KiB
 * page query "a&a&a…" costs about 2 s of CPU), and a request head over Node's header limit is refused by
 * Node's HTTP parser with an empty 431 before any app code runs (the browser shows its own error page).
 *
 * Decisions (all O(length), no regular expression that can backtrack):
 * - guardRequest: a page request whose query is longer than MAX_QUERY_LENGTH (measured as share links are
 *   written: queryLength, the same function the decoder and /api/dockerfile use) or has more than
 *   MAX_QUERY_PARAMS parameters is answered `303 See Other` to `/?link_error=<code>`; the wizard shows why
 *   (parseLinkError, linkErrorMessage). /api/… keeps its own 414 for long queries (app/api/dockerfile/route.ts);
 *   any other request (API, /_next/…) with too many parameters gets a 414 JSON naming "query".
 * - overflowAnswer: a head too big for Node's parser (clientError HPE_HEADER_OVERFLOW) is answered from the first
 *   bytes of that request (RequestStart keeps them; err.rawPacket is only the chunk that overflowed, which over a
 *   real network starts in the middle of the URL): a page GET gets the 303, the API a 414 JSON, anything that is
 *   not a request line keeps Node's 431.
 * - rawResponse writes an answer as a complete HTTP/1.1 response for a socket the parser has given up on.
 *
 * Plain JavaScript with JSDoc types (request-guard.d.mts) so bare `node` loads it in the Docker image, which has
 * no TypeScript loader; the page (app/page.tsx) imports the link_error part. Unit tests: request-guard.test.ts.
 */
import { MAX_QUERY_LENGTH, queryLength } from "../share-query.mjs";

/**
 * Most query parameters a request may have. The readable share form writes one parameter per spec field plus
 * one per environment variable (at most LIMITS.env = 50), about 70 in all; the compact form writes one. At 256
 * parameters the proxy's quadratic pass costs about (256/8192)² × 2 s ≈ 2 ms.
 */
export const MAX_QUERY_PARAMS = 256;
/** The wizard's parameter that says why a link was not opened (written only by the guard's redirect). */
export const LINK_ERROR_PARAM = "link_error";
/** How many bytes of a request's start are kept per connection to tell page from API requests. */
export const HEAD_PREFIX = 32;

/**
 * Headers of the guard's answers, none of which is a document: the API's (lib/http/security-headers.ts; the unit
 * test keeps the two equal).
 */
export const ANSWER_HEADERS = Object.freeze({
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Content-Security-Policy": "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
});

const REASONS = Object.freeze({ 303: "See Other", 414: "URI Too Long" });
const LINK_ERROR = /^(too-long|too-many)\.([1-9][0-9]{0,8})$|^(too-big)$/;
const MAX_SHOWN = 999_999_999;

/**
 * @typedef {{ status: 303 | 414, headers: Record<string, string>, body: string }} GuardAnswer
 * @typedef {{ code: "too-long" | "too-many", size: number } | { code: "too-big" } | { code: "unknown" }} LinkError
 */

/**
 * Path and query of a request target (origin-form "/p?q" or absolute-form "http://host/p?q"); a fragment,
 * which browsers never send, is cut off as app/api/dockerfile/route.ts does.
 * @param {string} url
 * @returns {{ path: string, query: string }}
 */
export function splitTarget(url) {
  let rest = url;
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/.exec(rest);
  if (scheme) rest = rest.slice(scheme[0].length);
  const hash = rest.indexOf("#");
  if (hash >= 0) rest = rest.slice(0, hash);
  const q = rest.indexOf("?");
  const path = q < 0 ? rest : rest.slice(0, q);
  return { path: path || "/", query: q < 0 ? "" : rest.slice(q + 1) };
}

/**
 * The number of parameters URLSearchParams reads from a query: its non-empty "&"-separated pieces.
 * @param {string} query
 * @returns {number}
 */
export function countParams(query) {
  let count = 0;
  let start = 0;
  while (start <= query.length) {
    let end = query.indexOf("&", start);
    if (end < 0) end = query.length;
    if (end > start) count++;
    start = end + 1;
  }
  return count;
}

/**
 * What serves a path: the API routes and Next's build output (both outside proxy.ts's matcher), or a page.
 * @param {string} path
 * @returns {"api" | "next" | "page"}
 */
export function requestKind(path) {
  if (path.startsWith("/api/")) return "api";
  if (path.startsWith("/_next/")) return "next";
  return "page";
}

/**
 * @param {number} status
 * @param {string} contentType
 * @param {string} body
 * @param {Record<string, string>} [extra]
 * @returns {GuardAnswer}
 */
function answer(status, contentType, body, extra = {}) {
  const length = new TextEncoder().encode(body).length;
  return { status, headers: { ...ANSWER_HEADERS, ...extra, "Content-Type": contentType, "Content-Length": String(length) }, body };
}

/**
 * The URL of the wizard saying why a link was not opened.
 * @param {"too-long" | "too-many" | "too-big"} code
 * @param {number} [size] the measured length or parameter count (too-long, too-many)
 * @returns {string}
 */
export function linkErrorLocation(code, size) {
  const value = code === "too-big" ? code : `${code}.${Math.min(Math.max(1, Math.floor(size ?? 1)), MAX_SHOWN)}`;
  return `/?${LINK_ERROR_PARAM}=${value}`;
}

/**
 * @param {"too-long" | "too-many" | "too-big"} code
 * @param {number} [size]
 * @returns {GuardAnswer}
 */
function redirect(code, size) {
  const location = linkErrorLocation(code, size);
  return answer(303, "text/plain; charset=utf-8", `See ${location}\n`, { Location: location });
}

/**
 * @param {string} error
 * @param {string} message
 * @returns {GuardAnswer}
 */
function apiProblem(error, message) {
  return answer(414, "application/json", JSON.stringify({ error, issues: [{ field: "query", message }] }));
}

/**
 * The guard's answer for a request Node has parsed, or null to hand it to Next.js. Every method alike (a 303
 * makes the follow-up a GET).
 * @param {string} url the request target as Node read it (req.url)
 * @returns {GuardAnswer | null}
 */
export function guardRequest(url) {
  const { path, query } = splitTarget(url);
  if (query === "") return null;
  const params = countParams(query);
  if (requestKind(path) !== "page") {
    return params > MAX_QUERY_PARAMS ? apiProblem(`the query has ${params} parameters; the limit is ${MAX_QUERY_PARAMS}`, `more than ${MAX_QUERY_PARAMS} parameters`) : null;
  }
  const length = queryLength(query);
  if (length > MAX_QUERY_LENGTH) return redirect("too-long", length);
  if (params > MAX_QUERY_PARAMS) return redirect("too-many", params);
  return null;
}

/**
 * The first bytes of a request as text (latin1: one character per byte).
 * @param {Uint8Array | null | undefined} bytes
 * @param {number} [max]
 * @returns {string}
 */
export function bytesPrefix(bytes, max = HEAD_PREFIX) {
  if (!bytes) return "";
  let text = "";
  const n = Math.min(bytes.length, max);
  for (let i = 0; i < n; i++) text += String.fromCharCode(bytes[i]);
  return text;
}

/**
 * The answer to a request whose head was too big for Node's parser, from the request's first bytes; null keeps
 * Node's own answer (431), for bytes that are no request line we know.
 * @param {string} start the first bytes of the request (RequestStart.text)
 * @param {number} maxHeaderSize the parser's limit in bytes (for the message)
 * @returns {GuardAnswer | null}
 */
export function overflowAnswer(start, maxHeaderSize) {
  const m = /^(?:\r?\n)*([A-Z]{1,20}) (\/\S*)/.exec(start.slice(0, HEAD_PREFIX));
  if (!m) return null;
  const [, method, path] = m;
  if (requestKind(path) === "page" && (method === "GET" || method === "HEAD")) return redirect("too-big");
  return apiProblem(
    `the request's URL and headers are over ${maxHeaderSize} bytes, more than the server reads; a query may have at most ${MAX_QUERY_LENGTH} characters`,
    `longer than ${MAX_QUERY_LENGTH} characters`,
  );
}

/**
 * An answer as a complete HTTP/1.1 response that closes the connection (for a socket whose parser has failed).
 * @param {GuardAnswer} a
 * @param {boolean} [head] the request was HEAD: no body
 * @returns {string}
 */
export function rawResponse(a, head = false) {
  const lines = [`HTTP/1.1 ${a.status} ${REASONS[a.status]}`];
  for (const [name, value] of Object.entries(a.headers)) lines.push(`${name}: ${value}`);
  lines.push("Connection: close", "", head ? "" : a.body);
  return lines.join("\r\n");
}

/**
 * What to write on a socket whose request head overflowed Node's parser: overflowAnswer as a raw response (no body
 * for HEAD), or null to keep Node's own answer.
 * @param {string} start the first bytes of the request (RequestStart.text, else the start of err.rawPacket)
 * @param {number} maxHeaderSize
 * @returns {string | null}
 */
export function overflowResponse(start, maxHeaderSize) {
  const a = overflowAnswer(start, maxHeaderSize);
  return a && rawResponse(a, /^(?:\r?\n)*HEAD /.test(start));
}

/**
 * Node's own answers to client errors (what it writes when no 'clientError' listener exists): the server keeps
 * them for every error the guard does not answer.
 * @param {string | undefined} code
 * @returns {string}
 */
export function defaultClientErrorResponse(code) {
  const status =
    code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large"
    : code === "HPE_CHUNK_EXTENSIONS_OVERFLOW" ? "413 Payload Too Large"
    : code === "ERR_HTTP_REQUEST_TIMEOUT" ? "408 Request Timeout"
    : "400 Bad Request";
  return `HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`;
}

/**
 * The first bytes of the request a connection is reading, kept as they arrive (before Node's parser sees them),
 * so an overflowing head can be answered by what it asked for. Per connection: HEAD_PREFIX characters.
 * Requests on a keep-alive connection follow each other: the next one starts with the first bytes after the
 * previous response finished (HTTP pipelining, which browsers do not use, is not told apart).
 */
export class RequestStart {
  text = "";
  /** Collecting the first bytes of a request (false while its body and response are under way). */
  collecting = true;

  /** @param {Uint8Array} chunk bytes as they arrived on the socket */
  data(chunk) {
    if (this.collecting && this.text.length < HEAD_PREFIX) this.text += bytesPrefix(chunk, HEAD_PREFIX - this.text.length);
  }

  /** Node parsed this request's head: what follows is its body. */
  headParsed() {
    this.collecting = false;
  }

  /** Its response is finished: the next bytes start the next request. */
  responseDone() {
    this.text = "";
    this.collecting = true;
  }
}

/**
 * The value of link_error read strictly: a known code and, for too-long and too-many, a number (1–9 digits) over
 * its limit, or "unknown". Never echoes the text.
 * @param {string | null | undefined} value
 * @returns {LinkError}
 */
export function parseLinkError(value) {
  const m = typeof value === "string" && value.length <= 32 ? LINK_ERROR.exec(value) : null;
  if (!m) return { code: "unknown" };
  if (m[3]) return { code: "too-big" };
  const code = /** @type {"too-long" | "too-many"} */ (m[1]);
  return { code, size: Number(m[2]) };
}

/** @param {number} n */
const grouped = (n) => String(n).replace(/\B(?=(\d{3})+$)/g, ",");

/**
 * What the wizard says about a link the server did not open.
 * @param {LinkError} e
 * @returns {string}
 */
export function linkErrorMessage(e) {
  const tail = "It was not opened: here is the default build.";
  const limit = grouped(MAX_QUERY_LENGTH);
  switch (e.code) {
    case "too-long":
      return e.size > MAX_QUERY_LENGTH
        ? `This link is ${grouped(e.size)} characters long; Wheelwright opens links up to ${limit} characters. ${tail}`
        : `This link is longer than ${limit} characters, the most Wheelwright opens. ${tail}`;
    case "too-many":
      return e.size > MAX_QUERY_PARAMS
        ? `This link has ${grouped(e.size)} parameters; Wheelwright opens links with up to ${MAX_QUERY_PARAMS}. ${tail}`
        : `This link has more than ${MAX_QUERY_PARAMS} parameters, the most Wheelwright opens. ${tail}`;
    case "too-big":
      return `This link is too long for the server to read (over 16 KiB); Wheelwright opens links up to ${limit} characters. ${tail}`;
    default:
      return `This link could not be opened. ${tail}`;
  }
}
