/**
 * What the production server does to Next.js's responses on their way out (server/main.mjs wraps each response
 * before Next writes to it):
 * - page HTML (200, text/html) goes through the script deferrer of lib/http/deferred-hydration.mjs, chunk by
 *   chunk as Next streams it, with the nonce of the response's own Content-Security-Policy (and told to hydrate
 *   at once when the request carries the draft cookie and no share parameters);
 * - compressible responses (text, JavaScript, JSON, SVG) are gzip-compressed when the client accepts it, as
 *   Next's own compression did before (next.config.js turns that off: it would compress before the rewrite).
 *   Streamed HTML is flushed after every chunk, so the browser still gets the page's head at once; the build's
 *   immutable static files are compressed once and served from memory after that.
 * Everything else passes untouched.
 */
import zlib from "node:zlib";
import { createScriptDeferrer, hydratesAtOnce, nonceFromCsp } from "../lib/http/deferred-hydration.mjs";

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|manifest\+json|xml)|image\/svg\+xml)/i;
/**
 * The build's files under /_next/static/ never change (their names carry a hash), so each is gzipped once and
 * kept: Monaco's chunk alone is 2.6 MB to compress. Bounded: files up to 8 MB, 64 MB in all (the build's
 * compressible files are about 1.5 MB gzipped).
 */
const STATIC_PREFIX = "/_next/static/";
const CACHE_FILE_MAX = 8 * 1024 * 1024;
const CACHE_TOTAL_MAX = 64 * 1024 * 1024;
const gzipped = new Map();
let gzippedBytes = 0;
/** Smaller bodies (when their length is known) are not worth a gzip header and a dictionary. */
const MIN_GZIP_BYTES = 1024;

function acceptsGzip(req) {
  return /\bgzip\b/i.test(String(req.headers["accept-encoding"] ?? "")) && !/\bgzip\s*;\s*q=0(\.0*)?\b/i.test(String(req.headers["accept-encoding"]));
}

function addVary(res, field) {
  const vary = String(res.getHeader("vary") ?? "");
  if (!vary.split(",").some((v) => v.trim().toLowerCase() === field.toLowerCase() || v.trim() === "*")) res.setHeader("vary", vary ? `${vary}, ${field}` : field);
}

/** Moves the headers given to writeHead(status, [message], headers) into setHeader, so they can still be changed. */
function absorbHeaders(res, headers) {
  if (!headers) return;
  if (Array.isArray(headers)) {
    // Raw form: [name, value, name, value, ...] or [[name, value], ...].
    if (Array.isArray(headers[0])) for (const [k, v] of headers) res.setHeader(k, v);
    else for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(headers[i], headers[i + 1]);
  } else for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, v);
}

/**
 * Wraps `res` (before Next.js writes to it). `deferScripts`: this request is a page whose HTML should hydrate on
 * intent (GET or HEAD of a page path; the caller decides).
 */
export function wrapResponse(req, res, { deferScripts }) {
  const rawWriteHead = res.writeHead;
  const rawWrite = res.write;
  const rawEnd = res.end;
  /** null until the headers are decided; then how the body is handled ("pass", "transform", or "cached"). */
  let mode = null;
  /** The cached gzip of this static file, or the chunks of the one being made (to keep once complete). */
  let cached = null;
  let making = null;
  let deferrer = null;
  let decoder = null;
  let gzip = null;
  let flushEach = false;

  function decide() {
    if (mode) return;
    const type = String(res.getHeader("content-type") ?? "");
    const bodyless = req.method === "HEAD" || res.statusCode === 204 || res.statusCode === 304 || (res.statusCode >= 100 && res.statusCode < 200);
    const html = deferScripts && !bodyless && res.statusCode === 200 && /^text\/html/i.test(type) && !res.getHeader("content-encoding");
    const length = Number(res.getHeader("content-length"));
    const compressible = COMPRESSIBLE.test(type) && !res.getHeader("content-encoding");
    if (compressible) addVary(res, "Accept-Encoding");
    const encode = compressible && !bodyless && acceptsGzip(req) && !(length < MIN_GZIP_BYTES);
    if (!html && !encode) {
      mode = "pass";
      return;
    }
    const path = String(req.url ?? "").split("?")[0];
    const cacheable = encode && !html && res.statusCode === 200 && path.startsWith(STATIC_PREFIX);
    res.removeHeader("content-length");
    if (cacheable && gzipped.has(path)) {
      mode = "cached";
      cached = gzipped.get(path);
      res.setHeader("content-encoding", "gzip");
      res.setHeader("content-length", cached.length);
      return;
    }
    mode = "transform";
    if (html) {
      deferrer = createScriptDeferrer({ nonce: nonceFromCsp(res.getHeader("content-security-policy")), atOnce: hydratesAtOnce(req.url, req.headers.cookie) });
      decoder = new TextDecoder();
      flushEach = true;
    }
    if (encode) {
      res.setHeader("content-encoding", "gzip");
      gzip = zlib.createGzip();
      if (cacheable) {
        making = [];
        gzip.on("end", () => {
          const whole = Buffer.concat(making);
          if (whole.length <= CACHE_FILE_MAX && gzippedBytes + whole.length <= CACHE_TOTAL_MAX && !gzipped.has(path)) {
            gzipped.set(path, whole);
            gzippedBytes += whole.length;
          }
        });
      }
      gzip.on("data", (chunk) => {
        making?.push(chunk);
        rawWrite.call(res, chunk);
      });
      gzip.on("error", (err) => res.destroy(err));
    }
  }

  function toBuffer(chunk, encoding) {
    if (chunk === undefined || chunk === null) return Buffer.alloc(0);
    return typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8") : Buffer.from(chunk.buffer ?? chunk, chunk.byteOffset ?? 0, chunk.byteLength ?? chunk.length);
  }

  /** The body bytes after the rewrite (if any), before compression. */
  function rewrite(buffer, final) {
    if (!deferrer) return buffer;
    const text = decoder.decode(buffer, { stream: !final }) + (final ? deferrer.end() : "");
    return Buffer.from(final ? text : deferrer.push(text), "utf8");
  }

  function emit(buffer, final, done) {
    if (gzip) {
      if (buffer.length) gzip.write(buffer);
      if (final) {
        gzip.once("end", () => rawEnd.call(res, done));
        gzip.end();
      } else if (flushEach) gzip.flush(zlib.constants.Z_SYNC_FLUSH);
      else if (done) process.nextTick(done);
      return;
    }
    if (final) rawEnd.call(res, buffer.length ? buffer : undefined, done);
    else if (buffer.length) rawWrite.call(res, buffer, done);
    else if (done) process.nextTick(done);
  }

  /** Puts the originals back: whatever runs after the body's end (Node's own finish logic) must not come back here. */
  function unwrap() {
    res.write = rawWrite;
    res.end = rawEnd;
    res.writeHead = rawWriteHead;
  }

  res.writeHead = function writeHead(status, message, headers) {
    if (typeof message !== "string") {
      headers = message;
      message = undefined;
    }
    if (!res.headersSent) {
      res.statusCode = status;
      absorbHeaders(res, headers);
      decide();
    }
    return message === undefined ? rawWriteHead.call(res, status) : rawWriteHead.call(res, status, message);
  };
  res.write = function write(chunk, encoding, callback) {
    if (typeof encoding === "function") {
      callback = encoding;
      encoding = undefined;
    }
    if (!res.headersSent) decide();
    if (mode === "cached") {
      // The body is already known: what Next writes is the same file, uncompressed.
      if (callback) process.nextTick(callback);
      return true;
    }
    if (mode !== "transform") return rawWrite.call(res, chunk, encoding, callback);
    if (!res.headersSent) res.writeHead(res.statusCode);
    const bytes = deferrer ? rewrite(toBuffer(chunk, encoding), false) : toBuffer(chunk, encoding);
    emit(bytes, false, callback);
    return true;
  };
  res.end = function end(chunk, encoding, callback) {
    if (typeof chunk === "function") {
      callback = chunk;
      chunk = undefined;
      encoding = undefined;
    } else if (typeof encoding === "function") {
      callback = encoding;
      encoding = undefined;
    }
    if (!res.headersSent) decide();
    if (mode === "cached") {
      unwrap();
      return rawEnd.call(res, cached, callback);
    }
    if (mode !== "transform") return rawEnd.call(res, chunk, encoding, callback);
    if (!res.headersSent) res.writeHead(res.statusCode);
    unwrap();
    emit(rewrite(toBuffer(chunk, encoding), true), true, callback);
    return res;
  };
  const rawFlushHeaders = res.flushHeaders;
  res.flushHeaders = function flushHeaders() {
    if (!res.headersSent) decide();
    return rawFlushHeaders.call(res);
  };
}
