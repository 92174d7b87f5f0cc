/**
 * Core benchmark (`npm run bench`): the pure pipeline the page runs on every keystroke, timed in Node.
 * Prints a table (median and p99 over many runs) with the budget beside each row; no assertions.
 *
 * Rows
 * - preset X: generate() = resolve + render (Dockerfile, .dockerignore, requirements.txt) + weight
 *   estimate, as the CLI and the API run it. The estimate is cached by its inputs, so this is the
 *   warm path the page sees while typing.
 * - preset X, estimate cache miss: the same with the estimate cache cleared before every run.
 * - 300-line requirements.txt: parse the text, build the spec (zod), resolve and render.
 * - share link encode / decode: encodeShare(spec) and searchParamsToSpec(query) for every preset.
 * - CLI start: `node bin/wheelwright.mjs presets|render|explain` against a bare `node -e 0`, paired runs, the ratio
 *   (scripts/cli-start.ts).
 *
 * Budgets on the reference machine (2 cores): < 0.1 ms median per preset, < 2 ms for 300 lines.
 */
import { clearEstimateCache } from "../lib/estimate";
import { generate } from "../lib/generate";
import { PACKAGES } from "../lib/knowledge";
import { PRESETS, presetSpec } from "../lib/presets";
import { parseRequirementsTxt } from "../lib/requirements";
import { encodeShare, searchParamsToSpec } from "../lib/share";
import { measureCliStart, printCliStart } from "./cli-start";
import { BuildSpecSchema, DEFAULT_SPEC } from "../lib/spec";

interface Stats {
  median: number;
  p99: number;
}

function measure(fn: () => unknown, runs: number): Stats {
  for (let i = 0; i < Math.min(200, runs); i++) fn(); // warm-up (JIT)
  const times = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times[i] = performance.now() - t;
  }
  times.sort();
  return { median: times[Math.floor(runs / 2)], p99: times[Math.floor(runs * 0.99)] };
}

const fmt = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
const rows: { name: string; stats: Stats; budget?: number }[] = [];
const PRESET_BUDGET = 0.1;

for (const preset of PRESETS) {
  const spec = presetSpec(preset);
  rows.push({ name: `preset ${preset.id}`, stats: measure(() => generate(spec), 3000), budget: PRESET_BUDGET });
}
for (const preset of PRESETS) {
  const spec = presetSpec(preset);
  const stats = measure(() => {
    clearEstimateCache();
    return generate(spec);
  }, 1000);
  rows.push({ name: `preset ${preset.id}, estimate cache miss`, stats });
}

// 300 lines: every known package plus made-up pure-Python ones, pinned, with comments.
const lines: string[] = [];
for (let i = 0; lines.length < 300; i++) {
  if (i % 10 === 0) lines.push(`# group ${i}`);
  else lines.push(i < PACKAGES.length * 2 ? `${PACKAGES[i % PACKAGES.length].display}>=1.${i}` : `internal-lib-${i}==1.0.${i}`);
}
const text = lines.join("\n");
const big = measure(() => {
  const parsed = parseRequirementsTxt(text);
  const unique = [...new Map(parsed.requirements.map((r) => [r.name.toLowerCase(), r])).values()];
  return generate(BuildSpecSchema.parse({ ...DEFAULT_SPEC, packages: unique }));
}, 500);
rows.push({ name: "300-line requirements.txt: parse + spec + resolve + render + estimate", stats: big, budget: 2 });

const specs = PRESETS.map(presetSpec);
const queries = specs.map((s) => {
  const r = encodeShare(s);
  if (!r.ok) throw new Error(r.message);
  return r.query;
});
let k = 0;
rows.push({ name: "share link: encodeShare (presets in turn)", stats: measure(() => encodeShare(specs[k++ % specs.length]), 3000) });
rows.push({ name: "share link: searchParamsToSpec (presets in turn)", stats: measure(() => searchParamsToSpec(queries[k++ % queries.length]), 3000) });

const width = Math.max(...rows.map((r) => r.name.length));
console.log(`${"case".padEnd(width)}  ${"median".padStart(10)}  ${"p99".padStart(10)}  ${"budget (median)".padStart(15)}`);
for (const { name, stats, budget } of rows) {
  const over = budget !== undefined && stats.median > budget;
  const b = budget === undefined ? "" : `< ${fmt(budget)}${over ? " OVER" : ""}`;
  console.log(`${name.padEnd(width)}  ${fmt(stats.median).padStart(10)}  ${fmt(stats.p99).padStart(10)}  ${b.padStart(15)}`);
}

printCliStart(measureCliStart());
