/**
 * How much of the derived Debian layer the Debian → Alpine table covers: the Debian names the compiled entries
 * need (build or runtime), most common first, each mapped (a row), absent (with a reason) or missing. Shared by
 * scripts/alpine-coverage.ts (the report) and alpine.test.ts (the 100/100 guard).
 */
import { alpineAbsent, alpineFor } from "./alpine";
import type { DerivedEntry } from "./derived/types";

export type CoverageStage = "build" | "runtime";

export interface RankedName {
  name: string;
  /** Debian source packages whose compiled entries need the name: the rank. */
  sources: number;
  /** Compiled entries that need it (a source with many binaries, such as pyside2's, counts once above). */
  entries: number;
}

/** What "most common" counts: Debian source packages (the default) or compiled entries. */
export type CoverageRank = "sources" | "entries";

/**
 * The Debian names of one stage, most common first: by the number of Debian source packages needing them, then
 * entries, then name. Counted by source because a build need is a property of the source (every binary of pyside2
 * shares its Build-Depends), so counting entries would rank one source's Qt modules above libraries many use.
 * `by: "entries"` ranks by entries first, the measure the issue notes used before.
 */
export function rankedNames(entries: readonly DerivedEntry[], stage: CoverageStage, by: CoverageRank = "sources"): RankedName[] {
  const bySource = new Map<string, Set<string>>();
  const byEntry = new Map<string, number>();
  for (const e of entries) {
    if (!e.compiled) continue;
    for (const n of new Set(e[stage])) {
      bySource.set(n, (bySource.get(n) ?? new Set()).add(e.debian.source));
      byEntry.set(n, (byEntry.get(n) ?? 0) + 1);
    }
  }
  return [...bySource]
    .map(([name, s]) => ({ name, sources: s.size, entries: byEntry.get(name)! }))
    .sort((a, b) => {
      const [first, second] = by === "sources" ? ["sources", "entries"] as const : ["entries", "sources"] as const;
      return b[first] - a[first] || b[second] - a[second] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    });
}

export interface StageCoverage {
  stage: CoverageStage;
  /** The top names with their state. */
  names: (RankedName & { state: "mapped" | "absent" | "missing" })[];
  mapped: number;
  absent: number;
  missing: number;
}

export function stageCoverage(entries: readonly DerivedEntry[], stage: CoverageStage, top: number, by: CoverageRank = "sources"): StageCoverage {
  const names = rankedNames(entries, stage, by)
    .slice(0, top)
    .map((r) => ({ ...r, state: alpineFor(r.name) ? ("mapped" as const) : alpineAbsent(r.name) ? ("absent" as const) : ("missing" as const) }));
  const count = (s: string) => names.filter((n) => n.state === s).length;
  return { stage, names, mapped: count("mapped"), absent: count("absent"), missing: count("missing") };
}

/** One line for the issue notes, e.g. "build 97 mapped + 3 absent of 100, runtime 99 + 1 absent of 100". */
export function coverageSummary(build: StageCoverage, runtime: StageCoverage): string {
  const part = (c: StageCoverage, label: string) =>
    `${label} ${c.mapped}${label === "build" ? " mapped" : ""} + ${c.absent} absent of ${c.names.length}` +
    (c.missing ? ` (${c.missing} missing)` : "");
  return `${part(build, "build")}, ${part(runtime, "runtime")}`;
}
