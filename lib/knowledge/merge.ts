/**
 * Curated ⊕ derived: the facts the resolver uses for one Python package on one target. A curated entry
 * (lib/knowledge/packages) wins field by field; the derived entry of the target's Debian release
 * (lib/knowledge/derived) fills what the curated one does not state. Pure and deterministic.
 */
import type { DerivedEntry } from "./derived/types";
import { lookupPackage } from "./index";
import { normalizeName } from "./names";
import type { DebianRelease, PackageKnowledge, Target, Toolchain } from "./types";

/** The derived entry of a PEP 503 name in a release, if Debian packages it. The faces decide where it comes from. */
export type DerivedLookup = (release: DebianRelease, name: string) => DerivedEntry | undefined;

/** No derived layer: curated knowledge alone. */
export const NO_DERIVED: DerivedLookup = () => undefined;

/**
 * The Debian release whose derived facts an Alpine target uses. Only whether a project is compiled, its compilers
 * and its Python dependencies carry over: Debian's package names do not.
 */
export const ALPINE_DERIVED_RELEASE: DebianRelease = "trixie";

export function derivedRelease(target: Target): DebianRelease {
  return target === "alpine" ? ALPINE_DERIVED_RELEASE : target;
}

/** One system need on one target. */
export interface FactNeed {
  stage: "build" | "runtime";
  when: "source" | "always";
  packages: string[];
  why: string;
  /** Taken from Debian's data rather than a curated entry. */
  derived: boolean;
}

export interface PackageFacts {
  name: string;
  display: string;
  /** The curated entry, when there is one: wheel facts, the binary extra and the notes come only from it. */
  curated?: PackageKnowledge;
  /** The derived entry used (the target's Debian release). */
  derived?: DerivedEntry;
  /** Pure Python (never compiled): from the curated wheels, else from Debian's Architecture all. */
  pure: boolean;
  /** Compilers a source build needs. */
  toolchains: Toolchain[];
  needs: FactNeed[];
  /** PEP 503 names of the Python packages it depends on (Debian's Depends). Sorted. */
  requires: string[];
  /** Programs it installs (Debian's Contents). Sorted. */
  scripts: string[];
  notes: string[];
  sources: string[];
}

/** "Debian bookworm python3-ldap 3.4.3-2": where every derived fact of an entry comes from. */
export function derivedSource(d: DerivedEntry): string {
  return `Debian ${d.debian.release} ${d.debian.package} ${d.debian.version}`;
}

/**
 * Debian's Build-Depends never name the C compiler: build-essential is implied by Debian policy. An extension
 * module that Debian compiles needs one all the same.
 */
function derivedToolchains(d: DerivedEntry): Toolchain[] {
  if (!d.compiled || d.toolchains.length > 0) return [...d.toolchains];
  return ["c"];
}

function derivedNeeds(d: DerivedEntry, when: FactNeed["when"]): FactNeed[] {
  const needs: FactNeed[] = [];
  if (d.build.length)
    needs.push({ stage: "build", when: "source", packages: [...d.build], why: `Build-Depends of Debian's ${d.debian.source} (${d.debian.release} ${d.debian.version})`, derived: true });
  if (d.runtime.length)
    needs.push({ stage: "runtime", when, packages: [...d.runtime], why: `Depends of Debian's ${d.debian.package} (${d.debian.release} ${d.debian.version})`, derived: true });
  return needs;
}

/**
 * The facts of `name` on `target`, or undefined when neither a curated entry nor Debian knows it.
 *
 * Field by field: display, toolchains, wheels, binary extra and notes are the curated entry's when there is one;
 * its needs win per stage (a curated entry that states any build need owns the build stage, likewise the run time);
 * a stage it says nothing about takes Debian's, for source builds only. Requires and scripts are Debian's.
 * Alpine gets no derived needs: Debian's names are not Alpine's.
 */
export function packageFacts(name: string, target: Target, derived: DerivedLookup): PackageFacts | undefined {
  const key = normalizeName(name);
  const curated = lookupPackage(key);
  const d = derived(derivedRelease(target), key);
  if (!curated && !d) return undefined;

  const curatedNeeds: FactNeed[] = (curated?.needs ?? []).map((n) => ({ stage: n.stage, when: n.when, packages: n.packages[target], why: n.why, derived: false }));
  let needs = curatedNeeds;
  if (d && target !== "alpine") {
    // Without wheel facts nothing says a wheel bundles the libraries: the final image gets them (safe).
    const fill = derivedNeeds(d, curated ? "source" : "always");
    const stated = new Set(curated?.needs.map((n) => n.stage));
    needs = [...curatedNeeds, ...fill.filter((n) => !stated.has(n.stage))];
  }

  const sources = [...(curated?.sources ?? [])];
  if (d) sources.push(`${derivedSource(d)} (source package ${d.debian.source}): derived from Debian's indices`);
  return {
    name: key,
    display: curated?.display ?? d?.display ?? key,
    curated,
    derived: d,
    pure: curated ? curated.wheels.pure === true : !d!.compiled,
    toolchains: curated ? [...curated.toolchains] : derivedToolchains(d!),
    needs,
    requires: d ? [...d.requires].sort() : [],
    scripts: d ? [...d.scripts].sort() : [],
    notes: [...(curated?.notes ?? [])],
    sources,
  };
}

/** A Python dependency reached through `requires`, and the chain that leads to it from the listed package. */
export interface Dependency {
  facts: PackageFacts;
  /** The names from the listed package's direct requirement to this one, e.g. ["python-ldap"]. */
  via: string[];
}

/** How far requires are followed: deep enough for wrappers of wrappers, bounded for any graph. */
export const MAX_REQUIRES_DEPTH = 6;

/**
 * The Python dependencies of `root` (breadth first, each once, cycle-safe, at most MAX_REQUIRES_DEPTH deep), the
 * ones in `skip` (listed by the user: they are resolved on their own) neither reported nor followed. Unknown names
 * end a chain. Deterministic: requires are sorted.
 */
export function dependencies(root: PackageFacts, target: Target, derived: DerivedLookup, skip: ReadonlySet<string>): Dependency[] {
  const out: Dependency[] = [];
  const seen = new Set<string>([root.name]);
  let level: Dependency[] = [{ facts: root, via: [] }];
  for (let depth = 0; depth < MAX_REQUIRES_DEPTH && level.length; depth++) {
    const next: Dependency[] = [];
    for (const { facts, via } of level)
      for (const req of facts.requires) {
        if (seen.has(req) || skip.has(req)) continue;
        seen.add(req);
        const f = packageFacts(req, target, derived);
        if (!f) continue;
        const dep = { facts: f, via: [...via, f.name] };
        out.push(dep);
        next.push(dep);
      }
    level = next;
  }
  return out;
}
