/**
 * Lighthouse (`npm run lighthouse`): Lighthouse 12.8.2 (the last major that runs on Node 20) against the
 * production build, with Debian's Chromium (CHROME_PATH, default /usr/bin/chromium; `--headless=new
 * --no-sandbox`). Builds nothing: run `npx next build` first. Runs the desktop preset and the default mobile
 * configuration (simulated throttling) on `/`, `--runs N` times each (default 1; the median performance run is
 * shown), and prints the four category scores, LCP, CLS and TBT beside the targets. Reports are written to
 * `.lighthouse/<form factor>.report.json`; failed audits below the table say what to fix. No assertions.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { startServer } from "./prod-server";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "..");
const OUT = path.join(ROOT, ".lighthouse");
const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const RUNS = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 1;
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

const TARGETS = {
  desktop: { scores: [100, 100, 100, 100], lcp: 800 },
  mobile: { scores: [96, 100, 100, 100], lcp: 2500 },
} as const;

interface Report {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { id: string; title: string; score: number | null; scoreDisplayMode: string; numericValue?: number; displayValue?: string }>;
}

async function lighthouse(url: string, form: "desktop" | "mobile", i: number): Promise<Report> {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${form}-${i}.report.json`);
  const args = [
    path.join(ROOT, "node_modules/lighthouse/cli/index.js"),
    url,
    "--output=json",
    `--output-path=${file}`,
    `--only-categories=${CATEGORIES.join(",")}`,
    "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    "--quiet",
  ];
  if (form === "desktop") args.push("--preset=desktop");
  // Lighthouse 12 sometimes loses the navigation in its own trace (NO_NAVSTART, about one run in ten):
  // that run says nothing about the page, so it is run again (at most twice), and the retry is reported.
  for (let attempt = 1; ; attempt++) {
    try {
      await run(process.execPath, args, { env: { ...process.env, CHROME_PATH }, maxBuffer: 64 * 1024 * 1024 });
      return JSON.parse(fs.readFileSync(file, "utf8")) as Report;
    } catch (err) {
      const stderr = String((err as { stderr?: unknown }).stderr ?? "");
      if (attempt > 2 || !stderr.includes("NO_NAVSTART")) throw err;
      console.error(`${form} run ${i + 1}: Lighthouse lost the navigation in its trace (NO_NAVSTART); running it again`);
    }
  }
}

async function main() {
  const { url, child } = await startServer();
  try {
    await fetch(`${url}/`); // first request warms the server
    const lines: string[] = [];
    const fails: string[] = [];
    const runs: string[] = [];
    const header = ["form", "perf", "a11y", "best-pr", "seo", "LCP", "CLS", "TBT", "FCP", "targets"];
    lines.push(header.map((h, i) => (i === 0 ? h.padEnd(8) : h.padStart(i === header.length - 1 ? 26 : 8))).join(" "));
    for (const form of ["desktop", "mobile"] as const) {
      const reports: Report[] = [];
      for (let i = 0; i < RUNS; i++) reports.push(await lighthouse(`${url}/`, form, i));
      const each = reports.map((r) => `${Math.round((r.categories.performance.score ?? 0) * 100)} (TBT ${Math.round(r.audits["total-blocking-time"].numericValue ?? NaN)} ms, CPU benchmark ${Math.round((r as unknown as { environment: { benchmarkIndex: number } }).environment.benchmarkIndex)})`);
      runs.push(`${form} performance by run: ${each.join(", ")}`);
      reports.sort((a, b) => (a.categories.performance.score ?? 0) - (b.categories.performance.score ?? 0));
      const r = reports[Math.floor(reports.length / 2)];
      fs.writeFileSync(path.join(OUT, `${form}.report.json`), JSON.stringify(r));
      const t = TARGETS[form];
      const scores = CATEGORIES.map((c) => Math.round((r.categories[c].score ?? 0) * 100));
      const lcp = r.audits["largest-contentful-paint"].numericValue ?? NaN;
      const cls = r.audits["cumulative-layout-shift"].numericValue ?? NaN;
      const tbt = r.audits["total-blocking-time"].numericValue ?? NaN;
      const fcp = r.audits["first-contentful-paint"].numericValue ?? NaN;
      const over = scores.some((s, i) => s < t.scores[i]) || lcp >= t.lcp;
      lines.push(
        [
          form.padEnd(8),
          ...scores.map((s) => String(s).padStart(8)),
          `${(lcp / 1000).toFixed(2)} s`.padStart(8),
          cls.toFixed(3).padStart(8),
          `${Math.round(tbt)} ms`.padStart(8),
          `${(fcp / 1000).toFixed(2)} s`.padStart(8),
          `${t.scores.join("/")}, LCP < ${(t.lcp / 1000).toFixed(1)} s`.padStart(26),
        ].join(" ") + (over ? "  OVER" : ""),
      );
      for (const c of CATEGORIES)
        for (const ref of r.categories[c].auditRefs) {
          const a = r.audits[ref.id];
          if (ref.weight > 0 && a.score !== null && a.score < 1 && (a.scoreDisplayMode === "binary" || c !== "performance"))
            fails.push(`${form} ${c}: ${a.id} — ${a.title}`);
          else if (c === "performance" && a.score !== null && a.score < 0.9 && ref.weight > 0) fails.push(`${form} ${c}: ${a.id} ${a.displayValue ?? ""} (score ${a.score})`);
        }
    }
    console.log(`Lighthouse 12.8.2, ${RUNS} run(s) per form factor (median performance shown), ${CHROME_PATH}, ${url}/`);
    console.log(lines.join("\n"));
    // Lighthouse's CPU benchmark (higher is faster) shows how busy the machine was during each run.
    if (RUNS > 1) console.log(`\n${runs.join("\n")}`);
    if (fails.length) console.log(`\nBelow 100:\n  ${fails.join("\n  ")}`);
  } finally {
    child.kill();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
