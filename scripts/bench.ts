/**
 * Core benchmark: resolve + render time per preset, and a 300-line requirements file parsed,
 * resolved and rendered. Prints a table (median and p99 over many runs). No assertions: the
 * budgets (under 0.1 ms median per preset, under 2 ms for 300 lines) are read off the numbers.
 */
import { generate } from "../lib/generate";
import { PACKAGES } from "../lib/knowledge";
import { PRESETS, presetSpec } from "../lib/presets";
import { parseRequirementsTxt } from "../lib/requirements";
import { BuildSpecSchema, DEFAULT_SPEC } from "../lib/spec";

function measure(fn: () => unknown, runs: number): { median: number; p99: number } {
  for (let i = 0; i < Math.min(200, runs); i++) fn(); // warm-up
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
const rows: [string, string, string][] = [];

for (const preset of PRESETS) {
  const spec = presetSpec(preset);
  const r = measure(() => generate(spec), 2000);
  rows.push([`preset ${preset.id}`, fmt(r.median), fmt(r.p99)]);
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
rows.push(["300-line requirements.txt: parse + resolve + render", fmt(big.median), fmt(big.p99)]);

const width = Math.max(...rows.map((r) => r[0].length));
console.log(`${"case".padEnd(width)}  ${"median".padStart(10)}  ${"p99".padStart(10)}`);
for (const [name, med, p99] of rows) console.log(`${name.padEnd(width)}  ${med.padStart(10)}  ${p99.padStart(10)}`);
