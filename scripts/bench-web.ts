/**
 * Browser benchmark (`npm run bench:web`): the production page in Debian's Chromium, driven by Playwright.
 *
 * It builds nothing: run `npx next build` first (it refuses to start without `.next/BUILD_ID`). It starts the
 * production server (server/main.mjs, via prod-server.ts) on a free loopback port, measures, stops the server and
 * prints one table with the budget beside each number (rows over budget are marked OVER). No assertions.
 * Options: `--runs N` page loads (default 5).
 *
 * What is measured (desktop profile: 1350×940 viewport, no CPU or network throttling, empty cache per load)
 * - The page hydrates on intent (lib/http/deferred-hydration.mjs): each load first waits 3 s without touching the
 *   page and counts the build's scripts that were turned into real <script src> elements (run) by then (budget 0)
 *   and the script bytes fetched meanwhile (the idle prefetch: fetched, not run).
 * - Then the mouse moves over the page's header (the intent). Intent → interactive: from that pointer event's
 *   `timeStamp` until React has hydrated and set `data-ready` (seen by a MutationObserver installed before any
 *   page script). JS before interactive: the sum of Resource Timing `transferSize` (compressed bytes plus headers,
 *   same origin; a script found in the prefetch cache counts 0) of every script or script prefetch whose request
 *   started before `data-ready`.
 * - Monaco loads only on its own intent (components/preview/dockerfile-preview.tsx): the load reports what was
 *   requested between "interactive" and the preview's hover (the engine and the estimate's data, which the page
 *   intent asked for) and checks that Monaco's chunk (the largest script requested after "interactive") was not
 *   among it. Then it hovers the preview (Monaco's intent) and measures from that pointer event's `timeStamp` to
 *   `data-editor="monaco"` (the swap is committed
 *   in the task that rendered the editor, so the next frame shows it), with the component's performance marks
 *   for the steps between (chunk requested and received, evaluated, Monaco prepared, editor created and
 *   rendered). Monaco's chunk (its CSS is a separate, small file) is its own row. CLS of the swap: the `layout-shift` values from the
 *   intent until one second after Monaco is shown (a hover is not "recent input": shifts count).
 * - LCP: the last `largest-contentful-paint` entry before the page intent. CLS at load: the sum of `layout-shift`
 *   values without recent input until the preview's hover (hydration included). Median over the loads.
 * - Keystroke → preview: on one loaded page, with Monaco shown and the requirements.txt tab open, 50 packages
 *   are typed into "Add a package" and added with Enter (each removed again afterwards, unmeasured, so the
 *   file stays short enough to be fully visible). Enter is pressed once the typed name has painted (two animation
 *   frames), and nothing polls the page while an edit is measured: the page tells the harness when it is done.
 *   - DOM figure: from the Enter keydown's `event.timeStamp` to the MutationObserver callback that first sees the
 *     new name in Monaco's rendered view lines. The preview updates Monaco's model in React's commit (a layout
 *     effect) and renders Monaco's view in that same task, so this is the work done for the keystroke (React's
 *     update, generate(), the share-link encoding, Monaco's model update and view render), not paint time. Split
 *     with the component's `data-commit-at` / `data-update-ms` / `data-render-ms`: input → React commit done,
 *     Monaco model update, Monaco view render, and the rest (later effects, microtasks) until the observer runs.
 *   - Next-paint figure: the Event Timing API (`PerformanceObserver` type "event", durationThreshold 16) entry of
 *     the same keydown (or its keypress, whichever is longer): `duration` runs from the event's timeStamp to the
 *     next paint after its handlers, in 8 ms steps. Interactions under 16 ms produce no entry; they count as
 *     "< 16 ms" in the quantiles.
 */
import type { Browser, Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { launchChromium } from "./chromium";
import { startServer } from "./prod-server";

const RUNS = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 5;
const EDITS = 50;
const KIB = 1024;
/** How long each load waits, untouched, before the intent: Monaco must not be requested in that time. */
const QUIET_MS = 3000;

const BUDGETS = { js: 180 * KIB, lcp: 800, cls: 0.01, keyP95: 16 };

interface Bench {
  ready: number;
  monaco: number;
  lcp: number;
  cls: number;
  /** Set just before the mouse moves over the page; then that first pointer event's timeStamp. */
  pageArmed: boolean;
  pageIntent: number;
  lcpAtPageIntent: number;
  /** Set by the script just before it hovers the preview; then the first pointer event's timeStamp. */
  armed: boolean;
  intent: number;
  lcpAtIntent: number;
  clsAtIntent: number;
  clsAfterIntent: number;
}

/** Installed before any page script: marks when the wizard becomes interactive, collects LCP and layout shifts. */
function instrument() {
  const w = window as unknown as Record<string, unknown>;
  const marks: Bench = { ready: -1, monaco: -1, lcp: 0, cls: 0, pageArmed: false, pageIntent: -1, lcpAtPageIntent: 0, armed: false, intent: -1, lcpAtIntent: 0, clsAtIntent: 0, clsAfterIntent: 0 };
  w.__bench = marks;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) marks.lcp = e.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
      if (marks.intent >= 0 && e.startTime >= marks.intent) marks.clsAfterIntent += e.value;
      else if (!e.hadRecentInput) marks.cls += e.value;
    }
  }).observe({ type: "layout-shift", buffered: true });
  const onPointer = (e: Event) => {
    if (marks.pageArmed && marks.pageIntent < 0) {
      marks.pageIntent = e.timeStamp;
      marks.lcpAtPageIntent = marks.lcp;
    }
    if (!marks.armed || marks.intent >= 0) return;
    marks.intent = e.timeStamp;
    marks.lcpAtIntent = marks.lcp;
    marks.clsAtIntent = marks.cls;
  };
  for (const type of ["pointerover", "pointermove"]) document.addEventListener(type, onPointer, { capture: true });
  const check = () => {
    if (marks.ready < 0 && document.querySelector("[data-ready]")) marks.ready = performance.now();
    if (marks.monaco < 0 && document.querySelector('[data-editor="monaco"]')) marks.monaco = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-ready", "data-editor"] });
}

interface LoadResult {
  /** Build scripts made into real <script src> elements before any intent (they run): should be none. */
  runBeforeIntent: number;
  /** Script bytes fetched before the intent (the idle prefetch). */
  jsBeforeIntent: number;
  jsBeforeIntentFiles: number;
  /** From the page intent's pointer event to data-ready. */
  toInteractive: number;
  jsBeforeReady: number;
  jsBeforeReadyFiles: number;
  /** Scripts requested after "interactive" and before the intent (the estimate's data). */
  jsQuiet: number;
  jsQuietFiles: number;
  /** The build's script paths requested after "interactive" and before the preview's hover, in request order. */
  quietChunks: string[];
  monacoBeforeIntent: boolean;
  monacoTransfer: number;
  monacoDecoded: number;
  lcp: number;
  cls: number;
  clsSwap: number;
  /** From the intent's pointer event to: */
  toChunkStart: number;
  toChunkEnd: number;
  toEvaluated: number;
  toPrepared: number;
  toCreated: number;
  toRendered: number;
  toShown: number;
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1350, height: 940 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  // tsx compiles with esbuild's keepNames: functions passed to the page call its __name helper.
  await page.addInitScript("globalThis.__name = (f) => f;");
  await page.addInitScript(instrument);
  return page;
}

/** Hovers the preview (the intent) and waits for Monaco. */
async function showMonaco(page: Page) {
  await page.evaluate(() => ((window as unknown as { __bench: Bench }).__bench.armed = true));
  await page.locator("[data-editor]").hover({ position: { x: 200, y: 100 } });
  await page.locator('[data-editor="monaco"]').waitFor({ state: "attached", timeout: 30_000 });
}

/** The page intent: the mouse moves over the header, as a desktop visitor's does; resolves when hydrated. */
async function showPageIntent(page: Page) {
  await page.evaluate(() => ((window as unknown as { __bench: Bench }).__bench.pageArmed = true));
  await page.mouse.move(300, 30);
  await page.mouse.move(320, 40);
  await page.locator("[data-ready]").waitFor({ state: "attached", timeout: 30_000 });
}

async function load(browser: Browser, url: string): Promise<LoadResult> {
  const page = await newPage(browser);
  await page.goto(url, { waitUntil: "load" });
  await page.waitForTimeout(QUIET_MS); // no intent: no build script may run (the idle prefetch only fetches)
  const quiet = await page.evaluate(() => {
    const fetched = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((e) => /\.js(\?|$)/.test(e.name));
    return {
      run: document.querySelectorAll('script[src*="/_next/static/"]').length,
      bytes: fetched.reduce((s, e) => s + e.transferSize, 0),
      files: fetched.length,
    };
  });
  await showPageIntent(page);
  await page.waitForTimeout(QUIET_MS); // the page's intent asked for the engine and the estimate's data, not Monaco
  await showMonaco(page);
  await page.waitForTimeout(1000); // let a late shift show up
  const r = await page.evaluate(() => {
    const marks = (window as unknown as { __bench: Bench }).__bench;
    const scripts = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter(
      (e) => e.initiatorType === "script" || /\.js(\?|$)/.test(e.name),
    );
    const before = scripts.filter((e) => e.startTime <= marks.ready);
    const afterReady = scripts.filter((e) => e.startTime > marks.ready && e.startTime < marks.intent);
    // Monaco's chunk: by far the largest script requested after "interactive" (whenever that was).
    const chunk = scripts
      .filter((e) => e.startTime > marks.ready)
      .reduce<PerformanceResourceTiming | undefined>((m, e) => (!m || e.decodedBodySize > m.decodedBodySize ? e : m), undefined);
    const mark = (name: string) => performance.getEntriesByName(name, "mark")[0]?.startTime ?? NaN;
    const sum = (l: PerformanceResourceTiming[]) => l.reduce((s, e) => s + e.transferSize, 0);
    return {
      toInteractive: marks.ready - marks.pageIntent,
      jsBeforeReady: sum(before),
      jsBeforeReadyFiles: before.length,
      jsQuiet: sum(afterReady),
      jsQuietFiles: afterReady.length,
      quietChunks: afterReady.map((e) => new URL(e.name).pathname).filter((p) => p.startsWith("/_next/static/")),
      monacoBeforeIntent: chunk ? chunk.startTime < marks.intent : false,
      monacoTransfer: chunk?.transferSize ?? NaN,
      monacoDecoded: chunk?.decodedBodySize ?? NaN,
      lcp: marks.lcpAtPageIntent,
      cls: marks.clsAtIntent,
      clsSwap: marks.clsAfterIntent,
      toChunkStart: (chunk?.startTime ?? NaN) - marks.intent,
      toChunkEnd: (chunk?.responseEnd ?? NaN) - marks.intent,
      toEvaluated: mark("preview:monaco-evaluated") - marks.intent,
      toPrepared: mark("preview:monaco-prepared") - marks.intent,
      toCreated: mark("preview:monaco-created") - marks.intent,
      toRendered: mark("preview:monaco-rendered") - marks.intent,
      toShown: marks.monaco - marks.intent,
    };
  });
  await page.context().close();
  return { ...r, runBeforeIntent: quiet.run, jsBeforeIntent: quiet.bytes, jsBeforeIntentFiles: quiet.files };
}

interface KeyResult {
  latencies: number[];
  /** Input → the preview's layout effect starts (React's render and commit are done). */
  react: number[];
  modelMs: number[];
  renderMs: number[];
  /** Event Timing: keydown/keypress duration to the next paint, or null when under the 16 ms threshold. */
  paint: (number | null)[];
}

async function keystrokes(browser: Browser, url: string): Promise<KeyResult> {
  const page = await newPage(browser);
  await page.goto(url, { waitUntil: "load" });
  await showPageIntent(page);
  await showMonaco(page);
  await page.getByRole("tab", { name: "requirements.txt" }).click();
  const combobox = page.getByRole("combobox", { name: "Add a package" });
  await page.evaluate(() => {
    const state = {
      expected: null as string | null,
      t0: 0,
      starts: [] as number[],
      latencies: [] as number[],
      react: [] as number[],
      modelMs: [] as number[],
      renderMs: [] as number[],
      events: [] as { name: string; startTime: number; duration: number }[],
      recorded: () => {},
    };
    (window as unknown as { __keys: typeof state }).__keys = state;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === "keydown" || e.name === "keypress") state.events.push({ name: e.name, startTime: e.startTime, duration: e.duration });
    }).observe({ type: "event", durationThreshold: 16, buffered: true } as PerformanceObserverInit);
    const input = document.querySelector<HTMLInputElement>('input[role="combobox"]')!;
    const panel = document.querySelector<HTMLElement>('[data-editor="monaco"]')!;
    const region = panel.closest("section")!;
    input.addEventListener(
      "keydown",
      (e) => {
        if (e.key !== "Enter" || !input.value.startsWith("benchpkg")) return;
        state.expected = input.value;
        state.t0 = e.timeStamp;
        state.starts.push(e.timeStamp);
      },
      { capture: true },
    );
    new MutationObserver(() => {
      if (!state.expected) return;
      const lines = panel.querySelector(".view-lines");
      if (!lines?.textContent?.includes(state.expected)) return;
      state.latencies.push(performance.now() - state.t0);
      const attr = (name: string) => Number(region.getAttribute(name) ?? NaN);
      state.react.push(attr("data-commit-at") - state.t0);
      state.modelMs.push(attr("data-update-ms"));
      state.renderMs.push(attr("data-render-ms"));
      state.expected = null;
      state.recorded();
    }).observe(panel, { subtree: true, childList: true, characterData: true });
  });
  // The harness stays off the page's main thread while an edit is measured: no polling (page.waitForFunction
  // polls every frame), and the page has painted twice after the name was typed before Enter is pressed, so the
  // figure is the Enter's own work and not the end of the previous input's.
  const twoFrames = () => page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
  for (let i = 0; i < EDITS; i++) {
    const name = `benchpkg${i}`;
    await combobox.fill(name);
    await twoFrames();
    const shown = page.evaluate(() => new Promise<void>((done) => ((window as unknown as { __keys: { recorded: () => void } }).__keys.recorded = done)));
    await combobox.press("Enter");
    await shown;
    await page.locator(`button[aria-label="Remove ${name}"]`).click();
    await page.waitForFunction((n) => !document.querySelector('[data-editor="monaco"] .view-lines')?.textContent?.includes(n), name);
    await twoFrames();
  }
  await page.waitForTimeout(500); // the last Event Timing entries arrive after their paint
  const r = await page.evaluate(() => {
    type State = { starts: number[]; latencies: number[]; react: number[]; modelMs: number[]; renderMs: number[]; events: { name: string; startTime: number; duration: number }[] };
    const s = (window as unknown as { __keys: State }).__keys;
    // The keydown's entry starts at its timeStamp; its keypress a moment later (same task, same paint).
    const paint = s.starts.map((t0) => {
      const mine = s.events.filter((e) => e.startTime >= t0 - 0.5 && e.startTime < t0 + 8);
      return mine.length ? Math.max(...mine.map((e) => e.duration)) : null;
    });
    return { latencies: s.latencies, react: s.react, modelMs: s.modelMs, renderMs: s.renderMs, paint };
  });
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
  const browser = await launchChromium();
  try {
    await load(browser, url); // warm the server (first render compiles nothing, but fills its caches)
    const loads: LoadResult[] = [];
    for (let i = 0; i < RUNS; i++) loads.push(await load(browser, url));
    const keys = await keystrokes(browser, url);

    const kib = (b: number) => `${(b / KIB).toFixed(1)} KiB`;
    const ms = (v: number) => `${v.toFixed(1)} ms`;
    const rows: [string, string, string, boolean][] = [];
    const run = Math.max(...loads.map((l) => l.runBeforeIntent));
    rows.push([`build scripts run in ${QUIET_MS / 1000} s without intent (most in any load)`, String(run), "0", run > 0]);
    rows.push([`JS fetched, not run, before the intent (idle prefetch, ${loads[0].jsBeforeIntentFiles} files)`, kib(median(loads.map((l) => l.jsBeforeIntent))), "", false]);
    const js = median(loads.map((l) => l.jsBeforeReady));
    rows.push([`JS transferred before interactive (${loads[0].jsBeforeReadyFiles} files)`, kib(js), `< ${kib(BUDGETS.js)}`, js > BUDGETS.js]);
    rows.push([`page intent (mouse over the header) → interactive, median (max ${ms(Math.max(...loads.map((l) => l.toInteractive)))})`, ms(median(loads.map((l) => l.toInteractive))), "", false]);
    rows.push([`JS transferred in ${QUIET_MS / 1000} s after interactive, before the preview's hover (${loads[0].jsQuietFiles} files)`, kib(median(loads.map((l) => l.jsQuiet))), "", false]);
    const early = loads.filter((l) => l.monacoBeforeIntent).length;
    rows.push(["loads that requested Monaco's chunk before the intent", `${early} of ${loads.length}`, "0", early > 0]);
    rows.push(["Monaco's chunk, transferred (decoded)", `${kib(median(loads.map((l) => l.monacoTransfer)))} (${(median(loads.map((l) => l.monacoDecoded)) / KIB / KIB).toFixed(2)} MiB)`, "", false]);
    const lcp = median(loads.map((l) => l.lcp));
    rows.push(["Largest Contentful Paint (desktop), median", ms(lcp), `< ${ms(BUDGETS.lcp)}`, lcp > BUDGETS.lcp]);
    const cls = median(loads.map((l) => l.cls));
    rows.push([`CLS at load, median (max ${Math.max(...loads.map((l) => l.cls)).toFixed(4)})`, cls.toFixed(4), `< ${BUDGETS.cls}`, cls > BUDGETS.cls]);
    const shown = median(loads.map((l) => l.toShown));
    rows.push([`intent (hover) → Monaco shown, median (max ${ms(Math.max(...loads.map((l) => l.toShown)))})`, ms(shown), "", false]);
    const steps = (["toChunkStart", "toChunkEnd", "toEvaluated", "toPrepared", "toCreated", "toRendered"] as const).map((k) => median(loads.map((l) => l[k])).toFixed(0));
    rows.push(["  chunk requested / received / evaluated / prepared / created / rendered", `${steps.join(" / ")} ms`, "", false]);
    const clsSwap = median(loads.map((l) => l.clsSwap));
    rows.push([`CLS of the swap, median (max ${Math.max(...loads.map((l) => l.clsSwap)).toFixed(4)})`, clsSwap.toFixed(4), `< ${BUDGETS.cls}`, clsSwap > BUDGETS.cls]);

    const n = keys.latencies.length;
    const p95 = quantile(keys.latencies, 0.95);
    rows.push([`keystroke → preview in the DOM, p50 / p95 (${n} edits)`, `${ms(quantile(keys.latencies, 0.5))} / ${ms(p95)}`, `p95 < ${ms(BUDGETS.keyP95)}`, p95 > BUDGETS.keyP95]);
    const pq = (v: number[], q: number) => ms(quantile(v, q));
    rows.push(["  input → React commit done, p50 / p95", `${pq(keys.react, 0.5)} / ${pq(keys.react, 0.95)}`, "", false]);
    rows.push(["  Monaco model update, p50 / p95", `${pq(keys.modelMs, 0.5)} / ${pq(keys.modelMs, 0.95)}`, "", false]);
    rows.push(["  Monaco view render, p50 / p95", `${pq(keys.renderMs, 0.5)} / ${pq(keys.renderMs, 0.95)}`, "", false]);
    const rest = keys.latencies.map((l, i) => l - keys.react[i] - keys.modelMs[i] - keys.renderMs[i]);
    rows.push(["  rest (later effects, observer delivery), p50 / p95", `${pq(rest, 0.5)} / ${pq(rest, 0.95)}`, "", false]);
    // Under-threshold interactions have no entry: they sort below every reported one.
    const paint = keys.paint.map((d) => d ?? -1);
    const pp = (q: number) => {
      const v = quantile(paint, q);
      return v < 0 ? "< 16 ms" : ms(v);
    };
    const unreported = keys.paint.filter((d) => d === null).length;
    rows.push([`keystroke → next paint (Event Timing), p50 / p95 (${unreported} of ${keys.paint.length} < 16 ms)`, `${pp(0.5)} / ${pp(0.95)}`, "", false]);

    // What the page intent loads after "interactive" (the engine, the knowledge module, the default spec's entries and
    // shards, the estimate's data), chunk by chunk: its size on disk and gzip -9 of it (the transfer depends on the
    // server's compression; these two do not), in request order.
    const quiet = loads[0].quietChunks;
    const sizes = quiet.map((path) => {
      const bytes = readFileSync(join(import.meta.dirname, "../.next", path.slice("/_next".length)));
      return { path, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    });
    for (const { path, raw, gzip } of sizes) rows.push([`  after interactive: ${path.slice("/_next/static/chunks/".length)} (raw / gzip -9)`, `${raw} B / ${gzip} B`, "", false]);
    rows.push([`  after interactive, all ${sizes.length} chunks (raw / gzip -9)`, `${sizes.reduce((t, c) => t + c.raw, 0)} B / ${sizes.reduce((t, c) => t + c.gzip, 0)} B`, "", false]);

    const w = Math.max(...rows.map((r) => r[0].length));
    console.log(`bench:web — ${RUNS} loads, desktop 1350×940, no throttling, ${url}`);
    console.log(`${"metric".padEnd(w)}  ${"value".padStart(24)}  ${"budget".padStart(12)}`);
    for (const [name, value, budget, over] of rows) console.log(`${name.padEnd(w)}  ${value.padStart(24)}  ${budget.padStart(12)}${over ? "  OVER" : ""}`);
  } finally {
    await browser.close();
    child.kill();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
