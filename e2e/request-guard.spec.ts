import { expect, test } from "@playwright/test";
import net from "node:net";
import { MAX_QUERY_PARAMS, linkErrorMessage } from "../lib/http/request-guard.mjs";
import { MAX_QUERY_LENGTH } from "../lib/share";

/**
 * The production server's request guard (server/main.mjs, lib/http/request-guard.mjs) on the wire: raw sockets
 * for heads over Node's 16 KiB header limit (the 'clientError' path), HTTP requests for the rest.
 */

test.describe.configure({ mode: "parallel" });

/** Sends `parts` on one connection (strings, or steps that wait) and returns everything the server answered. */
function exchange(baseURL: string, parts: (string | ((received: () => string) => Promise<void>))[], pauseMs = 0): Promise<string> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    let received = "";
    socket.on("data", (d) => (received += d.toString("latin1")));
    socket.on("error", (e) => (received += `\n[socket error ${(e as NodeJS.ErrnoException).code}]`));
    socket.on("close", () => resolve(received));
    socket.on("connect", async () => {
      for (const part of parts) {
        if (socket.destroyed) break;
        if (typeof part === "function") await part(() => received);
        else {
          socket.write(part);
          if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
        }
      }
    });
    setTimeout(() => socket.destroy(), 10_000).unref();
  });
}

/** Status lines and Location headers of every response in `text`. */
const heads = (text: string) => text.split("\r\n").filter((l) => /^HTTP\/1\.1 \d{3}|^Location: /.test(l));
const pieces = (text: string, size: number) => Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
const huge = (method: string, target: string) => `${method} ${target}${"a,".repeat(50_000)} HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\n\r\n`;

test("a 100 KB page link in one write: 303 to the wizard's message, then the connection closes", async ({ baseURL }) => {
  const answer = await exchange(baseURL!, [huge("GET", "/?packages=")]);
  expect(heads(answer)).toEqual(["HTTP/1.1 303 See Other", "Location: /?link_error=too-big"]);
  expect(answer).toContain("\r\nConnection: close\r\n");
  expect(answer).not.toContain("socket error");
});

test("a 100 KB page link arriving in 1 KB pieces (as over a network): still told apart from the API", async ({ baseURL }) => {
  const page = await exchange(baseURL!, pieces(huge("GET", "/?packages="), 1000), 1);
  expect(heads(page)).toEqual(["HTTP/1.1 303 See Other", "Location: /?link_error=too-big"]);
  const api = await exchange(baseURL!, pieces(huge("GET", "/api/dockerfile?packages="), 1000), 1);
  expect(heads(api)).toEqual(["HTTP/1.1 414 URI Too Long"]);
  const body = JSON.parse(api.slice(api.indexOf("\r\n\r\n") + 4));
  expect(body.issues).toEqual([{ field: "query", message: `longer than ${MAX_QUERY_LENGTH} characters` }]);
  expect(api).toMatch(/\r\nContent-Type: application\/json\r\n/);
});

test("on a keep-alive connection, the request after an answered one is judged by its own start", async ({ baseURL }) => {
  const waitFor = (text: string) => async (received: () => string) => {
    while (!received().includes(text)) await new Promise((r) => setTimeout(r, 10));
  };
  const first = "GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n";
  const pageAfterApi = await exchange(baseURL!, [first, waitFor("ok"), ...pieces(huge("GET", "/?packages="), 4000)], 1);
  expect(heads(pageAfterApi)).toEqual(["HTTP/1.1 200 OK", "HTTP/1.1 303 See Other", "Location: /?link_error=too-big"]);
  const apiAfterPage = await exchange(baseURL!, ["GET /?python=3.12 HTTP/1.1\r\nHost: localhost\r\n\r\n", waitFor("</html>"), ...pieces(huge("GET", "/api/dockerfile?p="), 4000)], 1);
  expect(heads(apiAfterPage)).toEqual(["HTTP/1.1 200 OK", "HTTP/1.1 414 URI Too Long"]);
});

test("HEAD gets the 303 without a body; heads that are no request line we know keep Node's own answers", async ({ baseURL }) => {
  const head = await exchange(baseURL!, [huge("HEAD", "/?packages=")]);
  expect(heads(head)).toEqual(["HTTP/1.1 303 See Other", "Location: /?link_error=too-big"]);
  expect(head.endsWith("\r\n\r\n")).toBe(true);
  // Absolute-form target over the limit: Node's 431.
  expect(heads(await exchange(baseURL!, [huge("GET", "http://localhost/?packages=")]))).toEqual(["HTTP/1.1 431 Request Header Fields Too Large"]);
  // Other client errors: Node's 400.
  expect(heads(await exchange(baseURL!, ["FOO / HTTP/1.1\r\n\r\n"]))).toEqual(["HTTP/1.1 400 Bad Request"]);
  expect(heads(await exchange(baseURL!, ["GET / HTTP/1.1\r\nHost: localhost\r\nBad Header\r\n\r\n"]))).toEqual(["HTTP/1.1 400 Bad Request"]);
});

test("a 12 KB page query of a&a&… is answered in milliseconds, not seconds of the proxy's quadratic pass", async ({ request }) => {
  const t0 = Date.now();
  const res = await request.get(`/?${"a&".repeat(6000)}`, { maxRedirects: 0 });
  const ms = Date.now() - t0;
  expect(res.status()).toBe(303);
  expect(res.headers().location).toMatch(/^\/\?link_error=too-long\.\d+$/);
  expect(res.headers()["cache-control"]).toBe("no-store");
  expect(ms).toBeLessThan(1000);
});

test("too many parameters: a page goes to the message, the API answers 414 JSON naming the query", async ({ request }) => {
  const query = Array.from({ length: MAX_QUERY_PARAMS + 1 }, (_, i) => `x${i}=1`).join("&");
  const page = await request.get(`/?${query}`, { maxRedirects: 0 });
  expect(page.status()).toBe(303);
  expect(page.headers().location).toBe(`/?link_error=too-many.${MAX_QUERY_PARAMS + 1}`);
  const api = await request.get(`/api/dockerfile?${query}`);
  expect(api.status()).toBe(414);
  expect((await api.json()).issues[0].field).toBe("query");
  // At the limit, both go on to the app (which reports the unknown parameters).
  const within = Array.from({ length: MAX_QUERY_PARAMS }, (_, i) => `x${i}=1`).join("&");
  expect((await request.get(`/?${within}`, { maxRedirects: 0 })).status()).toBe(200);
  expect((await request.get(`/api/dockerfile?${within}`)).status()).toBe(400);
});

test("the wizard renders the message on the server (it works without JavaScript)", async ({ request }) => {
  const html = await (await request.get("/?link_error=too-long.120345")).text();
  expect(html).toContain(linkErrorMessage({ code: "too-long", size: 120_345 }).replace(/'/g, "&#x27;"));
  expect(html).toContain("This link was not opened");
  expect(await (await request.get("/?link_error=%3Cscript%3E")).text()).toContain("This link could not be opened.");
});
