/**
 * The reference for the API throughput harness (scripts/api-throughput.ts): a bare Node HTTP server that answers
 * GET /api/dockerfile?<share query> with the same decoder and generator as app/api/dockerfile/route.ts, and
 * nothing else (no framework, no request guard). Prints "listening PORT" once it accepts connections.
 */
import http from "node:http";
import { generate } from "../lib/generate";
import { searchParamsToSpec } from "../lib/share";

const server = http.createServer((req, res) => {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  if ((q >= 0 ? url.slice(0, q) : url) !== "/api/dockerfile") {
    res.writeHead(404).end();
    return;
  }
  const decoded = searchParamsToSpec(new URLSearchParams(q >= 0 ? url.slice(q + 1) : ""));
  if (decoded.dropped.length) {
    res.writeHead(400, { "Content-Type": "application/json" }).end(JSON.stringify({ error: decoded.dropped[0].message }));
    return;
  }
  res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" }).end(generate(decoded.spec).dockerfile);
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : ""}`);
});
