/**
 * How much of the derived Debian layer the Debian → Alpine table (lib/knowledge/alpine-names.json) covers: the
 * build and runtime Debian names of the compiled entries of ALPINE_DERIVED_RELEASE, most common first (by Debian
 * source packages needing them; see rankedNames), each marked mapped (a row), absent (Alpine has no equivalent,
 * with the reason) or missing. The last line is the summary in the issue notes' format.
 *
 *   npx tsx scripts/alpine-coverage.ts [top=100] [--missing] [--by-entries]
 *
 * --by-entries ranks by compiled entries instead of source packages (one source's many binaries count many times).
 */
import { alpineAbsent, alpineDebianOnly, alpineFor } from "../lib/knowledge/alpine";
import { coverageSummary, stageCoverage } from "../lib/knowledge/alpine-coverage";
import { derivedEntries } from "../lib/knowledge/derived/all";
import { ALPINE_DERIVED_RELEASE } from "../lib/knowledge/merge";

const top = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 100);
const onlyMissing = process.argv.includes("--missing");
const by = process.argv.includes("--by-entries") ? "entries" : "sources";
const entries = derivedEntries(ALPINE_DERIVED_RELEASE).filter((e) => e.compiled);

console.log(`${entries.length} compiled entries (${new Set(entries.map((e) => e.debian.source)).size} Debian sources) in ${ALPINE_DERIVED_RELEASE}, ranked by ${by}`);
const stages = (["build", "runtime"] as const).map((stage) => stageCoverage(entries, stage, top, by));
for (const c of stages) {
  console.log(`\n${c.stage}: top ${c.names.length}: ${c.mapped} mapped, ${c.absent} absent with a reason, ${c.missing} missing`);
  console.log("  sources entries  name");
  for (const n of c.names) {
    if (onlyMissing && n.state !== "missing") continue;
    const row = alpineFor(n.name);
    const state = row ? `${row.alpine.join(" ")}  (${row.aports})` : n.state === "absent" ? `absent: ${alpineAbsent(n.name)}` : "MISSING";
    console.log(`  ${String(n.sources).padStart(7)} ${String(n.entries).padStart(7)}  ${n.name}  → ${state}`);
  }
}

// As the merge decides: such an entry gets apk packages on Alpine instead of a warning.
const whole = entries.filter((e) => [...e.build, ...e.runtime].every((n) => alpineFor(n) || alpineDebianOnly(n)));
console.log(`\ncompiled entries whose build and runtime names all map (or are Debian-only): ${whole.length} of ${entries.length}`);
console.log(`\nsummary: ${coverageSummary(stages[0], stages[1])}`);
