/**
 * Where the main thread's time goes while the page loads (`npx tsx scripts/profile-load.ts [--cpu 4] [--mobile]`):
 * a Chromium trace of one load of the production page (server/main.mjs from the existing build, as bench:web),
 * with the CPU slowed down as Lighthouse's mobile profile does. Prints every task of 10 ms or more (after
 * throttling) with what it spent its time on (trace event kinds) and the JavaScript functions with the most self
 * time in it (from the V8 sampling profiler). A tool for finding work to cut, not a benchmark: no budgets.
 * The page hydrates on intent (lib/http/deferred-hydration.mjs): `--intent` moves the mouse over it once it has
 * loaded, so the trace also holds the hydration. `--quiet` prints only the totals; MIN_MS=N sets the task threshold.
 */
import { launchChromium } from "./chromium";
import { startServer } from "./prod-server";

const arg = (name: string) => process.argv[process.argv.indexOf(name) + 1];
const CPU = process.argv.includes("--cpu") ? Number(arg("--cpu")) : 4;
const MOBILE = process.argv.includes("--mobile");
const MIN_MS = Number(process.env.MIN_MS ?? 10);
const PATH = process.argv.includes("--path") ? arg("--path") : "/";
const INTENT = process.argv.includes("--intent");
const QUIET = process.argv.includes("--quiet");
/** The trace events that say what kind of work a task did. */
const WORK_KINDS = ["ParseHTML", "ParseAuthorStyleSheet", "UpdateLayoutTree", "Layout", "PrePaint", "Paint", "Layerize", "EvaluateScript", "FunctionCall", "RunMicrotasks", "v8.compile", "TimerFire", "FireAnimationFrame", "FireIdleCallback", "EventDispatch", "HitTest", "MinorGC", "MajorGC"];

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

async function main() {
  const { url, child } = await startServer();
  const browser = await launchChromium();
  try {
    const context = await browser.newContext(
      MOBILE ? { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true } : { viewport: { width: 1350, height: 940 } },
    );
    const warm = await browser.newPage();
    await warm.goto(url + PATH); // the server's first render fills its caches
    await warm.close();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU });
    await browser.startTracing(page, {
      categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "disabled-by-default-v8.cpu_profiler", "toplevel", "blink.user_timing", "loading"],
    });
    const t0 = Date.now();
    await page.goto(url + PATH, { waitUntil: "load" });
    if (INTENT) {
      await page.mouse.move(300, 30);
      await page.mouse.move(320, 40);
      await page.locator("[data-ready]").waitFor({ state: "attached", timeout: 30_000 });
    }
    await page.waitForTimeout(5000);
    const buffer = await browser.stopTracing();
    const wall = Date.now() - t0;
    const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
    analyse(events, wall);
  } finally {
    await browser.close();
    child.kill();
  }
}

function analyse(events: TraceEvent[], wall: number) {
  const threadName = new Map<string, string>();
  for (const e of events) if (e.name === "thread_name" && e.args?.name) threadName.set(`${e.pid}:${e.tid}`, e.args.name);
  // The page's renderer main thread: the one with the most toplevel task time named CrRendererMain.
  const busy = new Map<string, number>();
  for (const e of events)
    if (e.ph === "X" && e.name === "RunTask" && threadName.get(`${e.pid}:${e.tid}`) === "CrRendererMain") {
      const k = `${e.pid}:${e.tid}`;
      busy.set(k, (busy.get(k) ?? 0) + (e.dur ?? 0));
    }
  const main = [...busy.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!main) throw new Error("no renderer main thread in the trace");
  const [pid, tid] = main.split(":").map(Number);
  const mine = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === "X").sort((a, b) => a.ts - b.ts);
  const nav = events.find(
    (e) => e.name === "navigationStart" && e.pid === pid && String(e.args?.data?.documentLoaderURL ?? "").startsWith("http") && e.args?.data?.isLoadingMainFrame,
  );
  const origin = nav?.ts ?? mine[0].ts;

  // JS samples: ProfileChunk events (pid of the renderer) carry nodes, samples and timeDeltas.
  const nodes = new Map<number, ProfileNode>();
  const samples: { ts: number; node: number }[] = [];
  let profileStart = 0;
  for (const e of events) {
    if (e.pid !== pid) continue;
    if (e.name === "Profile") profileStart = (e.args?.data?.startTime as number) ?? profileStart;
    if (e.name !== "ProfileChunk") continue;
    const data = e.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    let t = samples.length ? samples[samples.length - 1].ts : profileStart;
    const deltas = data.timeDeltas ?? [];
    (data.cpuProfile?.samples ?? []).forEach((s, i) => {
      t += deltas[i] ?? 0;
      samples.push({ ts: t, node: s });
    });
  }

  const tasks = mine.filter((e) => e.name === "RunTask" && e.ts >= origin && (e.dur ?? 0) / 1000 >= MIN_MS);
  console.log(`CPU ×${CPU}, ${MOBILE ? "mobile 412×823" : "desktop 1350×940"}, wall ${wall} ms; tasks ≥ ${MIN_MS} ms on the main thread: ${tasks.length}`);
  let tbt = 0;
  for (const task of tasks) {
    const start = task.ts;
    const end = task.ts + (task.dur ?? 0);
    const dur = (task.dur ?? 0) / 1000;
    if (dur > 50) tbt += dur - 50;
    const kinds = new Map<string, number>();
    for (const e of mine) {
      if (e.ts < start || e.ts >= end || e === task) continue;
      if (!WORK_KINDS.includes(e.name)) continue;
      kinds.set(e.name, (kinds.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    }
    const self = new Map<string, number>();
    for (let i = 0; i < samples.length - 1; i++) {
      const s = samples[i];
      if (s.ts < start || s.ts >= end) continue;
      const n = nodes.get(s.node);
      if (!n) continue;
      const f = n.callFrame;
      const key = `${f.functionName || "(anon)"} ${(f.url ?? "").replace(/^.*\//, "")}:${f.lineNumber}:${f.columnNumber}`;
      self.set(key, (self.get(key) ?? 0) + (samples[i + 1].ts - s.ts) / 1000);
    }
    const top = (m: Map<string, number>, n: number) =>
      [...m.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(" | ");
    if (QUIET) continue;
    console.log(`\n@${((start - origin) / 1000).toFixed(0)} ms  ${dur.toFixed(1)} ms`);
    console.log(`  kinds (nested, overlapping): ${top(kinds, 8)}`);
    console.log(`  JS self: ${top(self, 10)}`);
  }
  // The whole window, not only the long tasks: time per kind of work (kinds nest, so they overlap).
  const all = mine.filter((e) => e.name === "RunTask" && e.ts >= origin);
  const busyMs = all.reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
  const byKind = new Map<string, number>();
  for (const e of mine) {
    if (e.ts < origin || !WORK_KINDS.includes(e.name)) continue;
    byKind.set(e.name, (byKind.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  }
  const kinds = [...byKind.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(", ");
  console.log(`\nmain thread busy ${busyMs.toFixed(0)} ms in ${all.length} tasks; by kind (nested kinds overlap): ${kinds}`);
  console.log(`sum over tasks of (duration − 50 ms), load to +5 s: ${tbt.toFixed(0)} ms`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
