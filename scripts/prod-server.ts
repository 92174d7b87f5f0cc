/**
 * The production server for the benchmarks (bench-web.ts, lighthouse.ts, load.ts): server/main.mjs (Next.js behind
 * the request guard, as `npm start` and the Docker image run it) on a free loopback port, from the existing build
 * (it builds nothing; without `.next/BUILD_ID` it says so and exits).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    console.error("No production build in .next: run `npx next build` first (bench:web builds nothing itself).");
    process.exit(1);
  }
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, "server/main.mjs"), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error("server/main.mjs did not answer within 30 s");
}

