/**
 * The long injection fuzz run: at least 100,000 hostile cases over every spec field
 * (npm run fuzz; FUZZ_RUNS=N to change). Prints counts per field and exits 1 on any failure.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { HOSTILE_DOCKERFILES, HOSTILE_LOGS, checkAudit, checkTriage, dockerfileArbitrary } from "../lib/testing/hostile-dockerfiles";
import { FIELDS, caseArbitrary, checkCase, checkFileCase, requirementsFileArbitrary } from "../lib/testing/injection";
import type { TriageFiles } from "../lib/triage/files";

const runs = Number(process.env.FUZZ_RUNS ?? 100_000);
const perField = new Map<string, { refused: number; rendered: number }>();
const started = performance.now();
const failures: string[] = [];
fc.check(
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

// Requirements files whose options and Git lines go into the spec (FILE_FUZZ_RUNS, default 20,000).
const fileRuns = Number(process.env.FILE_FUZZ_RUNS ?? 20_000);
const fileStarted = performance.now();
// fc.check, not fc.assert: a failure is reported below with the others instead of ending the run here.
fc.check(
  fc.property(requirementsFileArbitrary, (text) => {
    const r = checkFileCase(text);
    if (r.outcome === "failed") failures.push(`requirements file: ${r.reason}`);
    return r.outcome !== "failed";
  }),
  { numRuns: fileRuns, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31), endOnFailure: true },
);
console.log(`requirements files: ${fileRuns} cases in ${((performance.now() - fileStarted) / 1000).toFixed(1)} s`);

// The audit and triage over hostile Dockerfiles and logs (AUDIT_FUZZ_RUNS, default 10,000 each).
const auditRuns = Number(process.env.AUDIT_FUZZ_RUNS ?? 10_000);
const triageFiles = JSON.parse(readFileSync(new URL("../lib/triage/files/bookworm.json", import.meta.url), "utf8")) as TriageFiles;
for (const text of HOSTILE_DOCKERFILES) if (checkAudit(text)) failures.push(`audit corpus: ${checkAudit(text)}`);
for (const log of HOSTILE_LOGS) if (checkTriage(log, triageFiles)) failures.push(`triage corpus: ${checkTriage(log, triageFiles)}`);
const auditStarted = performance.now();
fc.assert(fc.property(dockerfileArbitrary, (text) => { const r = checkAudit(text); if (r) failures.push(`audit: ${r}`); return r === null; }), { numRuns: auditRuns, endOnFailure: true });
fc.assert(fc.property(fc.string({ maxLength: 5000 }), (log) => { const r = checkTriage(log, triageFiles); if (r) failures.push(`triage: ${r}`); return r === null; }), { numRuns: auditRuns, endOnFailure: true });
console.log(`audit and triage: ${auditRuns} cases each in ${((performance.now() - auditStarted) / 1000).toFixed(1)} s`);
for (const f of failures) console.error(`FAILED ${f}`);
if (failures.length) process.exit(1);
