import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFERRED_SRC } from "../lib/http/deferred-hydration.mjs";
import { wrapResponse } from "./respond.mjs";

const HEAD = '<!DOCTYPE html><html><head><script src="/_next/static/chunks/main.js" async="" nonce="abc"></script></head>';
const BODY = `<body>${"<p>Lean images.</p>".repeat(200)}</body></html>`;
const SCRIPT = "console.log('chunk');\n".repeat(200);

/** Answers like Next.js does: headers with setHeader (or writeHead's object), the body in several writes. */
function handler(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = req.url ?? "/";
  if (url === "/page") {
    res.statusCode = 200;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("content-security-policy", "script-src 'self' 'nonce-abc'");
    res.write(HEAD.slice(0, 40));
    res.write(Buffer.from(HEAD.slice(40)));
    res.end(BODY);
  } else if (url === "/script.js") {
    res.writeHead(200, { "content-type": "application/javascript", "content-length": String(Buffer.byteLength(SCRIPT)) });
    res.end(SCRIPT);
  } else if (url === "/small.json") {
    res.writeHead(200, { "content-type": "application/json", "content-length": "2" });
    res.end("{}");
  } else if (url === "/image.png") {
    res.writeHead(200, { "content-type": "image/png" });
    res.end(Buffer.alloc(4000, 7));
  } else if (url === "/not-modified") {
    res.writeHead(304, { "content-type": "text/html" });
    res.end();
  } else {
    res.statusCode = 404;
    res.setHeader("content-type", "text/html");
    res.end(HEAD + BODY);
  }
}

let base = "";
let server: http.Server;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    wrapResponse(req, res, { deferScripts: !(req.url ?? "").endsWith(".js") });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw GET (fetch would decompress on its own): status, headers and the body as received. */
function get(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("wrapResponse (server/respond.mjs)", () => {
  it("defers a page's scripts, with the response's nonce on the boot script, and gzips the result", async () => {
    const r = await get("/page", { "accept-encoding": "gzip, deflate, br" });
    expect(r.status).toBe(200);
    expect(r.headers["content-encoding"]).toBe("gzip");
    expect(r.headers["content-length"]).toBeUndefined();
    expect(r.headers.vary).toMatch(/Accept-Encoding/);
    const html = zlib.gunzipSync(r.body).toString("utf8");
    expect(html).toContain(`<script ${DEFERRED_SRC}="/_next/static/chunks/main.js" async="" nonce="abc"></script>`);
    expect(html).toMatch(/^<!DOCTYPE html><html><head><script nonce="abc">\(function bootDeferredHydration/);
    expect(html.endsWith(BODY)).toBe(true);
  });

  it("sends the same page uncompressed to a client that does not take gzip", async () => {
    const r = await get("/page", { "accept-encoding": "identity" });
    expect(r.headers["content-encoding"]).toBeUndefined();
    const html = r.body.toString("utf8");
    expect(html).toContain(`${DEFERRED_SRC}="/_next/static/chunks/main.js"`);
    expect(html.endsWith(BODY)).toBe(true);
  });

  it("gzips scripts without touching them, and leaves small or binary bodies and bodiless answers alone", async () => {
    const js = await get("/script.js", { "accept-encoding": "gzip" });
    expect(js.headers["content-encoding"]).toBe("gzip");
    expect(js.headers["content-length"]).toBeUndefined();
    expect(zlib.gunzipSync(js.body).toString("utf8")).toBe(SCRIPT);
    const small = await get("/small.json", { "accept-encoding": "gzip" });
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.body.toString()).toBe("{}");
    const png = await get("/image.png", { "accept-encoding": "gzip" });
    expect(png.headers["content-encoding"]).toBeUndefined();
    expect(png.body.length).toBe(4000);
    const notModified = await get("/not-modified", { "accept-encoding": "gzip" });
    expect(notModified.status).toBe(304);
    expect(notModified.headers["content-encoding"]).toBeUndefined();
    const head = await get("/page", { "accept-encoding": "gzip" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-encoding"]).toBeUndefined();
    expect(head.body.length).toBe(0);
  });

  it("does not rewrite error pages' status (only 200 HTML is a page to defer) but still compresses them", async () => {
    const r = await get("/missing", { "accept-encoding": "gzip" });
    expect(r.status).toBe(404);
    expect(zlib.gunzipSync(r.body).toString("utf8")).toBe(HEAD + BODY);
  });
});

describe("the build's static files", () => {
  it("are gzipped once and then served from memory, byte for byte the same", async () => {
    const cache = http.createServer((req, res) => {
      wrapResponse(req, res, { deferScripts: false });
      res.writeHead(200, { "content-type": "application/javascript; charset=utf-8" });
      // A different body each time: a second answer equal to the first proves it came from the cache.
      res.end(`${SCRIPT}// ${Math.random()}\n`);
    });
    await new Promise<void>((resolve) => cache.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(cache.address() as AddressInfo).port}`;
    const fetchGz = (path: string) =>
      new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        http
          .get(`${url}${path}`, { headers: { "accept-encoding": "gzip" } }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          })
          .on("error", reject);
      });
    const first = await fetchGz("/_next/static/chunks/abc.js");
    const second = await fetchGz("/_next/static/chunks/abc.js");
    expect(zlib.gunzipSync(second.body).toString()).toBe(zlib.gunzipSync(first.body).toString());
    expect(second.headers["content-length"]).toBe(String(second.body.length));
    // Elsewhere nothing is kept.
    const other1 = await fetchGz("/api/x.js");
    const other2 = await fetchGz("/api/x.js");
    expect(zlib.gunzipSync(other1.body).toString()).not.toBe(zlib.gunzipSync(other2.body).toString());
    await new Promise<void>((resolve) => cache.close(() => resolve()));
  });
});
