/**
 * How much of the derived Debian layer the Debian → Alpine table (lib/knowledge/alpine-names.json) covers: the
 * build and runtime Debian names of the compiled entries of ALPINE_DERIVED_RELEASE, most referenced first, each
 * marked mapped (a row), absent (Alpine has no equivalent, with the reason) or missing.
 *
 *   npx tsx scripts/alpine-coverage.ts [top=100] [--missing]
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { alpineAbsent, alpineFor } from "../lib/knowledge/alpine";
import type { DerivedEntry } from "../lib/knowledge/derived/types";
import { ALPINE_DERIVED_RELEASE } from "../lib/knowledge/merge";

const top = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 100);
const onlyMissing = process.argv.includes("--missing");
const dir = join(import.meta.dirname, "../lib/knowledge/derived", ALPINE_DERIVED_RELEASE);

const entries: DerivedEntry[] = readdirSync(dir)
  .filter((f) => /^[0-9a-f]{2}\.json$/.test(f))
  .sort()
  .flatMap((f) => Object.values(JSON.parse(readFileSync(join(dir, f), "utf8")) as Record<string, DerivedEntry>))
  .filter((e) => e.compiled);

function ranked(pick: (e: DerivedEntry) => string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const e of entries) for (const n of new Set(pick(e))) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

console.log(`${entries.length} compiled entries in ${ALPINE_DERIVED_RELEASE}`);
for (const [stage, pick] of [["build", (e: DerivedEntry) => e.build], ["runtime", (e: DerivedEntry) => e.runtime]] as const) {
  const list = ranked(pick).slice(0, top);
  let mapped = 0;
  let absent = 0;
  const lines: string[] = [];
  for (const [name, count] of list) {
    const row = alpineFor(name);
    const why = alpineAbsent(name);
    if (row) mapped++;
    else if (why) absent++;
    const state = row ? `${row.alpine.join(" ")}  (${row.aports})` : why ? `absent: ${why}` : "MISSING";
    if (!onlyMissing || (!row && !why)) lines.push(`  ${String(count).padStart(4)}  ${name}  → ${state}`);
  }
  console.log(`\n${stage}: top ${list.length}: ${mapped} mapped, ${absent} absent with a reason, ${list.length - mapped - absent} missing`);
  for (const l of lines) console.log(l);
}

const whole = entries.filter((e) => [...e.build, ...e.runtime].every((n) => alpineFor(n)));
console.log(`\ncompiled entries whose build and runtime names all map: ${whole.length} of ${entries.length}`);
