/**
 * Browser benchmark (`npm run bench:web`): the production page in Debian's Chromium, driven by Playwright.
 *
 * It builds nothing: run `npx next build` first (it refuses to start without `.next/BUILD_ID`). It starts the
 * production server (server/main.mjs, via prod-server.ts) on a free loopback port, measures, stops the server and
 * prints one table with the budget beside each number (rows over budget are marked OVER). No assertions.
 * Options: `--runs N` page loads (default 5).
 *
 * What is measured (desktop profile: 1350×940 viewport, no CPU or network throttling, empty cache per load)
 * - JS before interactive: the sum of Resource Timing `transferSize` (compressed bytes plus headers, same
 *   origin) of every script whose request started before the wizard was interactive, i.e. before React
 *   hydrated it and set `data-ready` (seen by a MutationObserver installed before any page script). The lazy
 *   chunks (Monaco, the weight estimate's data) are requested after that, when the page is idle: they are
 *   printed on their own row, and the script checks that nothing was requested between "interactive" and
 *   "Monaco requested" that would hide Monaco in the first row.
 * - LCP: the last `largest-contentful-paint` entry before any input. CLS: the sum of `layout-shift` values
 *   without recent input, from navigation until one second after Monaco has replaced the server-rendered text.
 *   Median over the loads.
 * - Keystroke → preview: on one loaded page, with Monaco shown and the requirements.txt tab open, 50 packages
 *   are typed into "Add a package" and added with Enter (each removed again afterwards, unmeasured, so the
 *   file stays short enough to be fully visible). Latency = from the Enter keydown's `event.timeStamp` to the
 *   MutationObserver callback that first sees the new name in Monaco's rendered view lines (the DOM the next
 *   paint shows). It includes React's update, generate(), the share-link encoding and Monaco's model update and
 *   view render. `data-update-ms` (Monaco's model update alone) is reported beside it.
 */
import fs from "node:fs";
import { chromium, type Browser, type Page } from "@playwright/test";
import { startServer } from "./prod-server";

const CHROMIUM = "/usr/bin/chromium";
const RUNS = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 5;
const EDITS = 50;
const KIB = 1024;

const BUDGETS = { js: 180 * KIB, lcp: 800, cls: 0.01, keyP95: 16 };

/** Installed before any page script: marks when the wizard becomes interactive, collects LCP and layout shifts. */
function instrument() {
  const w = window as unknown as Record<string, unknown>;
  const marks = { ready: -1, monaco: -1, lcp: 0, cls: 0, shifts: 0 };
  w.__bench = marks;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) marks.lcp = e.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
      if (!e.hadRecentInput) {
        marks.cls += e.value;
        marks.shifts += 1;
      }
  }).observe({ type: "layout-shift", buffered: true });
  const check = () => {
    if (marks.ready < 0 && document.querySelector("[data-ready]")) marks.ready = performance.now();
    if (marks.monaco < 0 && document.querySelector('[data-editor="monaco"]')) marks.monaco = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-ready", "data-editor"] });
}

interface LoadResult {
  jsBeforeReady: number;
  jsBeforeReadyFiles: number;
  jsLazy: number;
  lazyBeforeMonacoChunk: number;
  lcp: number;
  cls: number;
  readyMs: number;
  monacoMs: number;
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1350, height: 940 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  // tsx compiles with esbuild's keepNames: functions passed to the page call its __name helper.
  await page.addInitScript("globalThis.__name = (f) => f;");
  await page.addInitScript(instrument);
  return page;
}

async function load(browser: Browser, url: string): Promise<LoadResult> {
  const page = await newPage(browser);
  await page.goto(url, { waitUntil: "load" });
  await page.locator('[data-editor="monaco"]').waitFor({ state: "attached", timeout: 30_000 });
  await page.waitForTimeout(1000); // let a late shift or lazy chunk show up
  const r = await page.evaluate(() => {
    const marks = (window as unknown as { __bench: { ready: number; monaco: number; lcp: number; cls: number } }).__bench;
    const scripts = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter(
      (e) => e.initiatorType === "script" || /\.js(\?|$)/.test(e.name),
    );
    const before = scripts.filter((e) => e.startTime <= marks.ready);
    const lazy = scripts.filter((e) => e.startTime > marks.ready);
    // Monaco's chunk is by far the largest script; anything requested after "ready" but before it is reported.
    const monacoChunk = lazy.reduce<PerformanceResourceTiming | undefined>((m, e) => (!m || e.decodedBodySize > m.decodedBodySize ? e : m), undefined);
    const sum = (l: PerformanceResourceTiming[]) => l.reduce((s, e) => s + e.transferSize, 0);
    return {
      jsBeforeReady: sum(before),
      jsBeforeReadyFiles: before.length,
      jsLazy: sum(lazy),
      lazyBeforeMonacoChunk: monacoChunk ? lazy.filter((e) => e.startTime < monacoChunk.startTime).length : 0,
      lcp: marks.lcp,
      cls: marks.cls,
      readyMs: marks.ready,
      monacoMs: marks.monaco,
    };
  });
  await page.context().close();
  return r;
}

async function keystrokes(browser: Browser, url: string): Promise<{ latencies: number[]; modelMs: number[] }> {
  const page = await newPage(browser);
  await page.goto(url, { waitUntil: "load" });
  await page.locator('[data-editor="monaco"]').waitFor({ state: "attached", timeout: 30_000 });
  await page.getByRole("tab", { name: "requirements.txt" }).click();
  const combobox = page.getByRole("combobox", { name: "Add a package" });
  await page.evaluate(() => {
    const w = window as unknown as { __keys: { expected: string | null; t0: number; latencies: number[]; modelMs: number[] } };
    const state = { expected: null as string | null, t0: 0, latencies: [] as number[], modelMs: [] as number[] };
    w.__keys = state;
    const input = document.querySelector<HTMLInputElement>('input[role="combobox"]')!;
    const panel = document.querySelector<HTMLElement>('[data-editor="monaco"]')!;
    const region = panel.closest("section")!;
    input.addEventListener(
      "keydown",
      (e) => {
        if (e.key !== "Enter" || !input.value.startsWith("benchpkg")) return;
        state.expected = input.value;
        state.t0 = e.timeStamp;
      },
      { capture: true },
    );
    new MutationObserver(() => {
      if (!state.expected) return;
      const lines = panel.querySelector(".view-lines");
      if (!lines?.textContent?.includes(state.expected)) return;
      state.latencies.push(performance.now() - state.t0);
      state.modelMs.push(Number(region.getAttribute("data-update-ms") ?? NaN));
      state.expected = null;
    }).observe(panel, { subtree: true, childList: true, characterData: true });
  });
  for (let i = 0; i < EDITS; i++) {
    const name = `benchpkg${i}`;
    await combobox.fill(name);
    await combobox.press("Enter");
    await page.waitForFunction((n) => (window as unknown as { __keys: { latencies: number[] } }).__keys.latencies.length === n, i + 1);
    await page.getByRole("button", { name: `Remove ${name}` }).click();
    await page.waitForFunction((n) => !document.querySelector('[data-editor="monaco"] .view-lines')?.textContent?.includes(n), name);
  }
  const r = await page.evaluate(() => (window as unknown as { __keys: { latencies: number[]; modelMs: number[] } }).__keys);
  await page.context().close();
  return r;
}

function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}
const median = (v: number[]) => quantile(v, 0.5);

async function main() {
  const { url, child } = await startServer();
  const browser = await chromium.launch({
    executablePath: fs.existsSync(CHROMIUM) ? CHROMIUM : undefined,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  try {
    await load(browser, url); // warm the server (first render compiles nothing, but fills its caches)
    const loads: LoadResult[] = [];
    for (let i = 0; i < RUNS; i++) loads.push(await load(browser, url));
    const keys = await keystrokes(browser, url);

    const kib = (b: number) => `${(b / KIB).toFixed(1)} KiB`;
    const ms = (v: number) => `${v.toFixed(1)} ms`;
    const rows: [string, string, string, boolean][] = [];
    const js = median(loads.map((l) => l.jsBeforeReady));
    rows.push([`JS transferred before interactive (${loads[0].jsBeforeReadyFiles} files)`, kib(js), `< ${kib(BUDGETS.js)}`, js > BUDGETS.js]);
    rows.push(["JS transferred after interactive (lazy: Monaco, estimate data)", kib(median(loads.map((l) => l.jsLazy))), "", false]);
    const early = Math.max(...loads.map((l) => l.lazyBeforeMonacoChunk));
    rows.push(["lazy scripts requested before Monaco's chunk", String(early), "", false]);
    rows.push(["time to interactive (data-ready), median", ms(median(loads.map((l) => l.readyMs))), "", false]);
    rows.push(["Monaco shown, median", ms(median(loads.map((l) => l.monacoMs))), "", false]);
    const lcp = median(loads.map((l) => l.lcp));
    rows.push(["Largest Contentful Paint (desktop), median", ms(lcp), `< ${ms(BUDGETS.lcp)}`, lcp > BUDGETS.lcp]);
    const cls = median(loads.map((l) => l.cls));
    const clsMax = Math.max(...loads.map((l) => l.cls));
    rows.push([`CLS incl. the Monaco swap, median (max ${clsMax.toFixed(4)})`, cls.toFixed(4), `< ${BUDGETS.cls}`, cls > BUDGETS.cls]);
    const p50 = quantile(keys.latencies, 0.5);
    const p95 = quantile(keys.latencies, 0.95);
    rows.push([`keystroke → preview p50 (${keys.latencies.length} edits)`, ms(p50), "", false]);
    rows.push([`keystroke → preview p95 (${keys.latencies.length} edits)`, ms(p95), `< ${ms(BUDGETS.keyP95)}`, p95 > BUDGETS.keyP95]);
    rows.push(["  of which Monaco model update (data-update-ms), p50 / p95", `${ms(quantile(keys.modelMs, 0.5))} / ${ms(quantile(keys.modelMs, 0.95))}`, "", false]);

    const w = Math.max(...rows.map((r) => r[0].length));
    console.log(`bench:web — ${RUNS} loads, desktop 1350×940, no throttling, ${url}`);
    console.log(`${"metric".padEnd(w)}  ${"value".padStart(18)}  ${"budget".padStart(12)}`);
    for (const [name, value, budget, over] of rows) console.log(`${name.padEnd(w)}  ${value.padStart(18)}  ${budget.padStart(12)}${over ? "  OVER" : ""}`);
  } finally {
    await browser.close();
    child.kill();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
