/**
 * The facts the resolver uses for one Python package on one target, and where they come from (a `Knowledge`).
 * Curated entries alone are `curatedKnowledge(lookup)`; lib/knowledge/merge.ts puts Debian's derived facts under
 * them. Pure, and free of the entries themselves: the server's lookup has all of them (./full-curated.ts), the
 * page's the ones it has loaded (./page.ts).
 */
import type { DerivedEntry } from "./derived/types";
import { normalizeName } from "./names";
import type { PackageKnowledge, Target, Toolchain } from "./types";

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
  /** The derived entry used (of the target's Debian release). */
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
  /** For an entry known from Debian's data alone (no wheel facts): how it installs, in words. */
  derivedOnly?: DerivedOnly;
}

/** The resolver's sentences for a package known from Debian's data alone (worded in lib/knowledge/merge.ts). */
export interface DerivedOnly {
  /** How it installs. */
  detail: string;
  /** How it installs when everything is built from source. */
  forcedDetail: string;
  /** Compiled: why its build and run-time packages are planned although a wheel may exist. */
  note?: string;
  /** Compiled, on Alpine: that the build compiles it and the apk packages are the user's to name. */
  alpine?: string;
  /** On Alpine: Debian names system packages it needs, which have no Alpine names here. */
  unnamedNeeds?: boolean;
}

/** A Python dependency reached through `requires`, and the chain that leads to it from the listed package. */
export interface Dependency {
  facts: PackageFacts;
  /** The names from the listed package's direct requirement to this one, e.g. ["python-ldap"]. */
  via: string[];
}

/** What the resolver knows about packages. */
export interface Knowledge {
  /** The facts of a name on a target, or undefined when nothing is known of it. */
  facts(name: string, target: Target): PackageFacts | undefined;
  /** The dependencies of `root` to follow for their needs, less those in `skip` (listed themselves). */
  dependencies(root: PackageFacts, target: Target, skip: ReadonlySet<string>): Dependency[];
}

/** The facts of a curated entry alone. */
export function curatedFacts(k: PackageKnowledge, target: Target): PackageFacts {
  return {
    name: k.name,
    display: k.display,
    curated: k,
    pure: k.wheels.pure === true,
    toolchains: [...k.toolchains],
    needs: k.needs.map((n) => ({ stage: n.stage, when: n.when, packages: n.packages[target], why: n.why, derived: false })),
    requires: [],
    scripts: [],
    notes: [...k.notes],
    sources: [...k.sources],
  };
}

/** The curated entry of a PEP 503 name, if there is one (at hand: all of them, or those loaded so far). */
export type CuratedLookup = (name: string) => PackageKnowledge | undefined;

/** Curated knowledge alone, over the entries `lookup` has. */
export function curatedKnowledge(lookup: CuratedLookup): Knowledge {
  return {
    facts(name, target) {
      const k = lookup(normalizeName(name));
      return k && curatedFacts(k, target);
    },
    dependencies: () => [],
  };
}
