/**
 * Bounded load test against the production server on loopback (127.0.0.1 only):
 * a mix of valid, invalid and hostile /api/dockerfile requests, then a soak that samples the
 * server's resident memory. Prints throughput, p50/p99 latency, status counts and RSS samples;
 * exits 1 on any 5xx, timeout, connection error or memory that keeps growing.
 *
 *   npm run load                          # 20,000 requests at 50 connections + 60 s soak
 *   LOAD_REQUESTS=3000 LOAD_SOAK_SECONDS=10 npm run load   # the short form CI runs
 *
 * Needs a production build (next build). Starts the production server itself (server/main.mjs, Next.js behind the
 * request guard, through scripts/prod-server.ts) on a free loopback port.
 */
import { readFileSync, readdirSync } from "node:fs";
import autocannon from "autocannon";
import { startServer } from "./prod-server";

const REQUESTS = Number(process.env.LOAD_REQUESTS ?? 20_000);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const SOAK_SECONDS = Number(process.env.LOAD_SOAK_SECONDS ?? 60);

const PATHS = [
  // valid
  "/api/dockerfile?preset=django-postgres",
  "/api/dockerfile?preset=seed-000-pyodbc-wheelhouse&format=json",
  "/api/dockerfile?python=3.12&base=slim-bookworm&packages=psycopg2,numpy",
  "/api/dockerfile?python=3.13&base=slim-trixie&strategy=venv&packages=lxml,pillow,cryptography&download=1",
  "/api/dockerfile?preset=fastapi-uvicorn&format=json",
  // invalid
  "/api/dockerfile?python=2.7",
  "/api/dockerfile?base=slim-buster",
  "/api/dockerfile?packages=bad%20name",
  // hostile
  "/api/dockerfile?python=3.12%0ARUN%20id",
  "/api/dockerfile?__proto__[polluted]=1&constructor[prototype][x]=1",
  "/api/dockerfile?s=1.!!!!",
  "/api/dockerfile?s=9.eyJ4IjoxfQ",
  "/api/dockerfile?packages=%C3%28",
  `/api/dockerfile?packages=${"a,".repeat(2000)}`,
  `/api/dockerfile?x=${"y".repeat(9_000)}`,
  // hostile page links: answered by the request guard (303 to the wizard's message) before Next.js's proxy runs
  `/?${"a&".repeat(8_000)}`,
  `/?packages=${"a,".repeat(5_000)}`,
];

/** RSS of a process and all its descendants, in MB (Linux /proc). */
function treeRssMb(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* process ended */
    }
  }
  let kb = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) kb += Number(m[1]);
    } catch {
      /* gone */
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return kb / 1024;
}

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

async function main() {
  const { url: base, child: server } = await startServer();
  let failed = false;
  try {
    let i = 0;
    const requests: autocannon.Request[] = [{ setupRequest: (req) => ({ ...req, path: PATHS[i++ % PATHS.length] }) }];

    const load = await run({ url: base, connections: CONNECTIONS, amount: REQUESTS, timeout: 10, requests });
    const codes = (load as unknown as { statusCodeStats: Record<string, { count: number }> }).statusCodeStats;
    const fivexx = Object.entries(codes).filter(([c]) => c.startsWith("5")).reduce((a, [, v]) => a + v.count, 0);
    console.log(`load: ${load.requests.sent ?? REQUESTS} requests, ${CONNECTIONS} connections, ${load.duration.toFixed(1)} s`);
    console.log(`  throughput ${load.requests.average.toFixed(0)} req/s; latency p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms, max ${load.latency.max} ms`);
    console.log(`  status codes ${JSON.stringify(Object.fromEntries(Object.entries(codes).map(([c, v]) => [c, v.count])))}; 5xx ${fivexx}; timeouts ${load.timeouts}; errors ${load.errors}`);
    if (fivexx > 0 || load.timeouts > 0 || load.errors > 0) failed = true;

    // Soak: steady traffic, RSS sampled every 5 s. After a warm-up (the first fifth, when caches
    // and JIT fill), memory must settle: the second half of the samples may not peak more than
    // 10% (+5 MB) above the first half.
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(treeRssMb(server.pid!)), 5000);
    const soak = await run({ url: base, connections: 10, duration: SOAK_SECONDS, timeout: 10, requests });
    clearInterval(sampler);
    samples.push(treeRssMb(server.pid!));
    const soakCodes = (soak as unknown as { statusCodeStats: Record<string, { count: number }> }).statusCodeStats;
    const soak5xx = Object.entries(soakCodes).filter(([c]) => c.startsWith("5")).reduce((a, [, v]) => a + v.count, 0);
    const steady = samples.slice(Math.floor(samples.length / 5));
    const half = Math.max(1, Math.floor(steady.length / 2));
    const firstPeak = Math.max(...steady.slice(0, half));
    const secondPeak = Math.max(...steady.slice(half));
    console.log(`soak: ${SOAK_SECONDS} s, ${soak.requests.total} requests, ${soak.requests.average.toFixed(0)} req/s, p99 ${soak.latency.p99} ms, 5xx ${soak5xx}, timeouts ${soak.timeouts}`);
    console.log(`  server RSS MB every 5 s: ${samples.map((s) => s.toFixed(0)).join(" ")}`);
    // The short CI form samples too few points to tell settling from warm-up: it reports, not judges.
    const judged = steady.length >= 6;
    const settled = !judged || secondPeak <= firstPeak * 1.1 + 5;
    console.log(
      judged
        ? `  memory ${settled ? "settles" : "keeps growing"} (after warm-up: first-half peak ${firstPeak.toFixed(0)} MB, second-half peak ${secondPeak.toFixed(0)} MB)`
        : `  memory not judged: the soak is too short (run at least 40 s)`,
    );
    if (soak5xx > 0 || soak.timeouts > 0 || soak.errors > 0 || !settled) failed = true;
  } finally {
    server.kill("SIGTERM");
  }
  console.log(failed ? "load: FAILED" : "load: ok");
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
