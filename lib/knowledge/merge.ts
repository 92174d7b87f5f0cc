/**
 * Curated ⊕ derived: a curated entry (lib/knowledge/packages) wins field by field; the derived entry of the
 * target's Debian release (lib/knowledge/derived) fills what the curated one does not state. Pure and
 * deterministic. The page loads this with the derived shards, not with the engine.
 */
import type { AlpineNameRow } from "./alpine";
import type { DerivedEntry } from "./derived/types";
import type { DerivedOnly, Dependency, FactNeed, Knowledge, PackageFacts } from "./facts";
import { normalizeName } from "./names";
import type { DebianRelease, Target, Toolchain } from "./types";

/** The derived entry of a PEP 503 name in a release, if Debian packages it. The faces decide where it comes from. */
export type DerivedLookup = (release: DebianRelease, name: string) => DerivedEntry | undefined;

/**
 * The Debian → Alpine name table (./alpine's ALPINE_LOOKUP), passed in: the server has it at hand, the page loads it only
 * for an Alpine target.
 */
export interface AlpineLookup {
  /** The table's row for a Debian name, if it maps. */
  row(debianName: string): AlpineNameRow | undefined;
  /** Whether the name stands for nothing an Alpine build needs (Debian's own packaging tools). */
  debianOnly(debianName: string): boolean;
}

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

function derivedNeeds(d: DerivedEntry): FactNeed[] {
  const needs: FactNeed[] = [];
  if (d.build.length)
    needs.push({ stage: "build", when: "source", packages: [...d.build], why: `Build-Depends of Debian's ${d.debian.source} (${d.debian.release} ${d.debian.version})`, derived: true });
  if (d.runtime.length)
    needs.push({ stage: "runtime", when: "always", packages: [...d.runtime], why: `Depends of Debian's ${d.debian.package} (${d.debian.release} ${d.debian.version})`, derived: true });
  return needs;
}

/** Debian's build and run-time names of an entry that the Debian → Alpine table neither maps nor marks Debian-only. */
function unmappedOnAlpine(d: DerivedEntry, alpine: AlpineLookup): string[] {
  return [...new Set([...d.build, ...d.runtime])].filter((name) => !alpine.row(name) && !alpine.debianOnly(name)).sort();
}

/** Debian's names of an entry that only Debian's packaging uses (qtchooser, d-shlibs): nothing to install on Alpine. */
function debianOnlyNames(d: DerivedEntry, alpine: AlpineLookup): string[] {
  return [...new Set([...d.build, ...d.runtime])].filter((name) => alpine.debianOnly(name)).sort();
}

/**
 * Alpine needs of a derived entry whose Debian names all map (alpine-names.json): one need per table row, so each
 * reason names the APKBUILD and the Debian package it stands for. Names that map to the same apk packages share it.
 */
function alpineNeeds(d: DerivedEntry, alpine: AlpineLookup): FactNeed[] {
  const needs: FactNeed[] = [];
  const add = (stage: FactNeed["stage"], when: FactNeed["when"], names: string[]) => {
    const byRow = new Map<string, { packages: string[]; aports: string; debian: string[] }>();
    for (const name of names.filter((n) => !alpine.debianOnly(n))) {
      const row = alpine.row(name)!;
      const key = row.alpine.join(" ");
      const seen = byRow.get(key);
      if (seen) seen.debian.push(name);
      else byRow.set(key, { packages: [...row.alpine], aports: row.aports, debian: [name] });
    }
    for (const { packages, aports, debian } of byRow.values())
      needs.push({ stage, when, packages, why: `apk names from aports ${aports}, mapped from Debian's ${debian.join(", ")} (${derivedSource(d)})`, derived: true });
  };
  add("build", "source", d.build);
  add("runtime", "always", d.runtime);
  return needs;
}

function derivedOnly(d: DerivedEntry, target: Target, alpine: AlpineLookup): DerivedOnly {
  const source = derivedSource(d);
  if (!d.compiled) {
    const detail = `Debian packages it as pure Python (${source}).`;
    return { detail, forcedDetail: detail };
  }
  const out: DerivedOnly = {
    detail: `Debian compiles it (${source}) and no wheel facts are known: the builder gets what compiling it needs, the final image its libraries.`,
    forcedDetail: `Compiled from source as requested (Debian compiles it too: ${source}).`,
  };
  if (target === "alpine") {
    const unmapped = unmappedOnAlpine(d, alpine);
    if (unmapped.length === 0) {
      const dropped = debianOnlyNames(d, alpine);
      out.note =
        `is compiled on Alpine with no wheel facts known; its apk packages are Debian's (${source}) mapped by name through aports (Debian's packaging, not Alpine's, decided what it needs): check them if the build fails.` +
        (dropped.length ? ` Left out as Debian-only: ${dropped.join(", ")}.` : "");
    }
    else {
      out.alpine = `is compiled on Alpine: only Debian's data knows it (${source}), and ${unmapped.join(", ")} ${unmapped.length === 1 ? "has" : "have"} no Alpine name here. Name the apk packages it needs to build and to run yourself, or use a slim Debian image.`;
      out.unnamedNeeds = true;
    }
  } else
    out.note = `no wheel facts are known, so from Debian's data (${source}) the builder gets its build packages (the stage is discarded) and the final image its libraries; a wheel may make them unnecessary.`;
  return out;
}

/**
 * The facts of `name` on `target`, or undefined when neither a curated entry nor Debian knows it.
 *
 * `curated` gives the curated entries' facts (all of them on the server, ./full-curated.ts; those loaded so far on
 * the page), `alpine` the Debian → Alpine table. Field by field: display, toolchains, wheels, binary extra, notes and needs are the curated entry's when there is
 * one (an entry without needs states that there are none: gevent and matplotlib build their own copies of the
 * libraries Debian links); requires, scripts and a source line are Debian's. Without a curated entry the needs are
 * Debian's, the run-time ones always (no wheel facts). On Alpine, Debian's names become apk names
 * through the Debian → Alpine table when every one of them maps; otherwise no needs and a warning.
 */
export function packageFacts(name: string, target: Target, derived: DerivedLookup, curated: Knowledge, alpine: AlpineLookup): PackageFacts | undefined {
  const key = normalizeName(name);
  const base = curated.facts(key, target);
  const d = derived(derivedRelease(target), key);
  if (!d) return base;
  const source = `${derivedSource(d)} (source package ${d.debian.source}): derived from Debian's indices`;
  const requires = [...d.requires].sort();
  const scripts = [...d.scripts].sort();
  if (base) return { ...base, derived: d, requires, scripts, sources: [...base.sources, source] };
  return {
    name: key,
    display: d.display ?? key,
    derived: d,
    pure: !d.compiled,
    toolchains: derivedToolchains(d),
    // Without wheel facts nothing says a wheel bundles the libraries: the final image gets them (safe).
    needs: target !== "alpine" ? derivedNeeds(d) : unmappedOnAlpine(d, alpine).length === 0 ? alpineNeeds(d, alpine) : [],
    requires,
    scripts,
    notes: [],
    sources: [source],
    derivedOnly: derivedOnly(d, target, alpine),
  };
}

/** How far requires are followed: deep enough for wrappers of wrappers, bounded for any graph. */
export const MAX_REQUIRES_DEPTH = 6;

/**
 * The Python dependencies of `root` (breadth first, each once, cycle-safe, at most MAX_REQUIRES_DEPTH deep), the
 * ones in `skip` (listed by the user: they are resolved on their own) neither reported nor followed. Unknown names
 * end a chain. Deterministic: requires are sorted.
 */
export function dependencies(root: PackageFacts, target: Target, derived: DerivedLookup, curated: Knowledge, alpine: AlpineLookup, skip: ReadonlySet<string>): Dependency[] {
  const out: Dependency[] = [];
  const seen = new Set<string>([root.name]);
  let level: Dependency[] = [{ facts: root, via: [] }];
  for (let depth = 0; depth < MAX_REQUIRES_DEPTH && level.length; depth++) {
    const next: Dependency[] = [];
    for (const { facts, via } of level)
      for (const req of facts.requires) {
        if (seen.has(req) || skip.has(req)) continue;
        seen.add(req);
        const f = packageFacts(req, target, derived, curated, alpine);
        if (!f) continue;
        const dep = { facts: f, via: [...via, f.name] };
        out.push(dep);
        next.push(dep);
      }
    level = next;
  }
  return out;
}

/** The curated knowledge with the derived layer `derived` under it. */
export function withDerived(derived: DerivedLookup, curated: Knowledge, alpine: AlpineLookup): Knowledge {
  return {
    facts: (name, target) => packageFacts(name, target, derived, curated, alpine),
    dependencies: (root, target, skip) => dependencies(root, target, derived, curated, alpine, skip),
  };
}
