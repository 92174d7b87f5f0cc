/**
 * The long injection fuzz run: at least 100,000 hostile cases over every spec field
 * (npm run fuzz; FUZZ_RUNS=N to change). Prints counts per field and exits 1 on any failure.
 */
import fc from "fast-check";
import { FIELDS, caseArbitrary, checkCase } from "../lib/testing/injection";

const runs = Number(process.env.FUZZ_RUNS ?? 100_000);
const perField = new Map<string, { refused: number; rendered: number }>();
const started = performance.now();
const failures: string[] = [];
fc.assert(
  fc.property(caseArbitrary, ([i, value]) => {
    const field = FIELDS[i];
    const r = checkCase(field, value);
    if (r.outcome === "failed") {
      failures.push(`${field.path}: ${r.reason}`);
      return false;
    }
    const c = perField.get(field.path) ?? { refused: 0, rendered: 0 };
    c[r.outcome]++;
    perField.set(field.path, c);
    return true;
  }),
  { numRuns: runs, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31), endOnFailure: true },
);
const seconds = (performance.now() - started) / 1000;
console.log(`field                          refused  rendered`);
for (const [path, c] of [...perField.entries()].sort()) console.log(`${path.padEnd(30)} ${String(c.refused).padStart(7)}  ${String(c.rendered).padStart(8)}`);
console.log(`${runs} cases in ${seconds.toFixed(1)} s, ${failures.length} failures`);
if (failures.length) process.exit(1);
