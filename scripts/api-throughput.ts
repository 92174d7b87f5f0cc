/**
 * HTTP API throughput (`npm run bench:api`): /api/dockerfile on the production server (server/main.mjs: Next.js
 * behind the request guard) against a bare Node HTTP server calling the same generator (scripts/bare-api-server.ts),
 * in the same run, with the same requests, in alternating rounds so both see the same machine. Prints requests/s of
 * each, per round and as medians, and the ratio. Measures only: it asserts nothing (timings on a shared machine
 * vary). Needs a production build (npx next build).
 *
 *   API_SECONDS=10 API_CONNECTIONS=10 API_ROUNDS=3 npm run bench:api
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import autocannon from "autocannon";
import { startServer } from "./prod-server";

const SECONDS = Number(process.env.API_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.API_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.API_ROUNDS ?? 3);
const ROOT = path.resolve(import.meta.dirname, "..");

/** Valid requests only: the comparison is about generating, not refusing. */
const PATHS = [
  "/api/dockerfile?preset=django-postgres",
  "/api/dockerfile?python=3.12&base=slim-bookworm&packages=psycopg2,numpy",
  "/api/dockerfile?python=3.13&base=slim-trixie&strategy=venv&packages=lxml,pillow,cryptography",
  "/api/dockerfile?preset=fastapi-uvicorn",
];

function startBare(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "bare-api-server.ts")], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, NODE_ENV: "production" } });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d) => {
      out += d;
      const m = /listening (\d+)/.exec(out);
      if (m) resolve({ url: `http://127.0.0.1:${m[1]}`, child });
    });
    child.on("exit", (code) => reject(new Error(`bare-api-server exited ${code}`)));
  });
}

async function throughput(url: string): Promise<{ rps: number; p99: number; non2xx: number; errors: number }> {
  let i = 0;
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests: [{ setupRequest: (req) => ({ ...req, path: PATHS[i++ % PATHS.length] }) }] });
  return { rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const next = await startServer();
  const bare = await startBare();
  try {
    // A short warm-up of each (JIT, Next.js's route compilation cache), not counted.
    for (const { url } of [bare, next]) await autocannon({ url: `${url}${PATHS[0]}`, connections: 2, amount: 200 });
    const api: number[] = [];
    const ref: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const b = await throughput(bare.url);
      const n = await throughput(next.url);
      ref.push(b.rps);
      api.push(n.rps);
      console.log(`round ${round}: bare Node ${b.rps.toFixed(0)} req/s (p99 ${b.p99} ms)  /api/dockerfile ${n.rps.toFixed(0)} req/s (p99 ${n.p99} ms)${b.non2xx + n.non2xx + b.errors + n.errors ? `  non-2xx ${b.non2xx}/${n.non2xx}, errors ${b.errors}/${n.errors}` : ""}`);
    }
    const a = median(api);
    const r = median(ref);
    console.log(`median over ${ROUNDS} rounds of ${SECONDS} s at ${CONNECTIONS} connections: bare Node ${r.toFixed(0)} req/s, /api/dockerfile ${a.toFixed(0)} req/s, ratio ${(a / r).toFixed(2)} (target ≥ 0.5)`);
  } finally {
    next.child.kill("SIGTERM");
    bare.child.kill("SIGTERM");
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
