#!/usr/bin/env node
/**
 * Wheelwright's production server: Next.js's request handler (the documented custom-server API: next(),
 * prepare(), getRequestHandler()) behind the request guard of lib/http/request-guard.mjs, on node:http.
 * Used by `npm start`, the Playwright tests, scripts/prod-server.ts (bench:web, lighthouse), scripts/load.ts and
 * the Docker image (Next's standalone output, where this file and the guard are copied beside server.js).
 *
 *   node server/main.mjs [-p PORT] [-H HOSTNAME]
 *
 * PORT and HOSTNAME come from the flags, else from the environment (PORT, HOSTNAME), else 3000 and every
 * interface. Plain JavaScript: the image has no TypeScript loader. SIGTERM/SIGINT stop it gracefully.
 *
 * Header limit: Node's default (16 KiB, http.maxHeaderSize) is kept on purpose. Node buffers a request head
 * before any code here runs, so the limit bounds the memory each connection can hold; links longer than
 * MAX_QUERY_LENGTH (8,000 characters) are refused whatever the limit, so a bigger one would only let bigger junk
 * in. Heads over it are answered by the 'clientError' handler below instead of Node's empty 431.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { RequestStart, bytesPrefix, defaultClientErrorResponse, guardRequest, overflowResponse, requestKind, splitTarget } from "../lib/http/request-guard.mjs";
import { wrapResponse } from "./respond.mjs";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** How long a connection answered after a parse error may go on sending (its bytes are discarded) before it is cut. */
const DRAIN_MS = 2000;
/** How long a graceful stop may take before open connections are cut. */
const STOP_MS = 10_000;

function usage(message) {
  process.stderr.write(`${message}\nusage: node server/main.mjs [-p PORT] [-H HOSTNAME]\n`);
  process.exit(2);
}

function options(argv) {
  let port = process.env.PORT;
  let hostname = process.env.HOSTNAME || undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => inline ?? (i + 1 < argv.length ? argv[++i] : usage(`${flag} needs a value`));
    if (flag === "-p" || flag === "--port") port = value();
    else if (flag === "-H" || flag === "--hostname") hostname = value();
    else usage(`unknown argument: ${arg}`);
  }
  const number = port === undefined || port === "" ? 3000 : /^\d{1,5}$/.test(port) ? Number(port) : NaN;
  if (!(number >= 0 && number <= 65535)) usage(`not a port: ${port}`);
  return { port: number, hostname };
}

/**
 * The standalone output (Dockerfile) has no next.config.js: its server.js hands Next the config saved at build
 * time through __NEXT_PRIVATE_STANDALONE_CONFIG, and so does this server when the build is a standalone one.
 */
function useStandaloneConfig() {
  let saved;
  try {
    saved = JSON.parse(fs.readFileSync(path.join(dir, ".next", "required-server-files.json"), "utf8")).config;
  } catch {
    return; // no build: next() says so
  }
  if (saved?.output === "standalone" && !process.env.__NEXT_PRIVATE_STANDALONE_CONFIG) process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(saved);
}

const { port, hostname } = options(process.argv.slice(2));
process.env.NODE_ENV = "production";
process.chdir(dir);
useStandaloneConfig();

// Next reads NODE_ENV as it loads, so it is imported only now (as standalone's server.js requires it).
const { default: next } = await import("next");
// next() picks a bundler for development servers by setting TURBOPACK=auto; `next start` runs without it, and in
// production it only selects which prebuilt runtime files Next loads. Keep the environment `next start` has.
const hadTurbopack = Object.hasOwn(process.env, "TURBOPACK");
const app = next({ dev: false, dir, hostname: hostname ?? "localhost", port });
if (!hadTurbopack) delete process.env.TURBOPACK;
const handle = app.getRequestHandler();
await app.prepare();

/** The first bytes of the request each connection is reading (for heads too big to parse). */
const starts = new WeakMap();

const server = http.createServer(async (req, res) => {
  const start = starts.get(req.socket);
  if (start) {
    start.headParsed();
    res.once("finish", () => start.responseDone());
  }
  const answer = guardRequest(req.url ?? "/");
  if (answer) {
    res.writeHead(answer.status, answer.headers);
    res.end(req.method === "HEAD" ? undefined : answer.body);
    return;
  }
  // Pages hydrate on intent and every compressible response is gzipped here (server/respond.mjs).
  const url = req.url ?? "/";
  wrapResponse(req, res, { deferScripts: (req.method === "GET" || req.method === "HEAD") && requestKind(splitTarget(url).path) === "page" });
  try {
    await handle(req, res);
  } catch (err) {
    console.error(err);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end("Internal Server Error");
    } else res.destroy();
  }
});

server.on("connection", (socket) => {
  const start = new RequestStart();
  starts.set(socket, start);
  // Runs before Node's parser sees the bytes. (A 'data' listener moves the socket off Node's native fast path.)
  socket.prependListener("data", (chunk) => start.data(chunk));
});

const answered = new WeakSet();
server.on("clientError", (err, socket) => {
  // Node reports every later chunk of a failed connection again: it has its answer already.
  if (answered.has(socket)) return;
  answered.add(socket);
  // The response under way on this connection, if any (what Node's own handler checks): nothing may cut into it.
  const inFlight = socket._httpMessage;
  const response =
    err.code === "HPE_HEADER_OVERFLOW" && socket.writable && !inFlight
      ? overflowResponse(starts.get(socket)?.text || bytesPrefix(err.rawPacket), server.maxHeaderSize ?? http.maxHeaderSize)
      : null;
  if (response === null) {
    // What Node does without a listener: a bare status line (unless a response has begun), then the connection is
    // destroyed.
    if (socket.writable && !inFlight?.headersSent) socket.write(defaultClientErrorResponse(err.code));
    socket.destroy(err);
    return;
  }
  socket.end(response);
  // The client may still be sending the rest of its request: keep reading (and discarding) for a moment, so it gets
  // the answer instead of a reset, then cut the connection.
  socket.resume();
  setTimeout(() => socket.destroy(), DRAIN_MS).unref();
});

server.on("error", (err) => {
  console.error(err);
  process.exit(1);
});

server.listen(port, hostname, () => {
  const address = server.address();
  const shown = typeof address === "object" && address ? `${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}` : String(address);
  console.log(`Wheelwright (Next.js production server, request guard on) listening on http://${shown}`);
});

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  const code = signal === "SIGINT" ? 130 : 143;
  // Stop accepting, finish the requests under way (idle keep-alive connections close now), then let Next clean up.
  server.close(() => {
    app.close().then(
      () => process.exit(code),
      (err) => {
        console.error(err);
        process.exit(code);
      },
    );
  });
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
    process.exit(code);
  }, STOP_MS).unref();
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
