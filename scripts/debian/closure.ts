/**
 * Resolving Debian relations the way apt would on a python:*-slim image, and closing a set of roots over
 * Depends + Pre-Depends: the package set debian-snapshot.json records per release.
 */
import { MINBASE_EXTRA, PYTHON_SLIM_RUNTIME } from "../../lib/knowledge/image-contents";
import type { Atom } from "./control";
import type { ReleaseIndex, Stanza } from "./indices";
import { cmp } from "./order";
import { satisfies } from "./version";

const PRIORITY_RANK: Record<string, number> = { required: 0, important: 1, standard: 2, optional: 3, extra: 4 };

export const VIRTUAL_RULE =
  "A dependency on a name no real package carries goes to a package that Provides it: " +
  "a provider already in the image base; else the only provider; else a provider that is itself a root of this release (minbase, python slim, knowledge); " +
  "else the provider with the highest Priority (required > important > standard > optional > extra); " +
  "else the alphabetically first. Versioned dependencies only match versioned Provides.";
export const ALTERNATIVE_RULE =
  "A dependency (or any alternative of 'a | b') that a package of the image base (roots.minbase + roots.pythonSlim) already satisfies, " +
  "directly or through a (versioned, if the dependency is) Provides, resolves to that package, as apt would; " +
  "otherwise for 'a | b' the first alternative that exists and satisfies the version constraint (as a real package or via a provider) is taken; " +
  "if none satisfies the constraint, the first that exists at all.";

export interface VirtualChoice { chosen: string; providers: string[]; rule: string }

/** The debian:<release>-slim base: Priority required or Essential yes, plus MINBASE_EXTRA where the release has it. Sorted. */
export function minbaseOf(packages: ReadonlyMap<string, Stanza>): string[] {
  return [...packages.values()]
    .filter((p) => p.priority === "required" || p.essential)
    .map((p) => p.name)
    .concat(MINBASE_EXTRA.filter((n) => packages.has(n)))
    .filter((n, i, all) => all.indexOf(n) === i)
    .sort(cmp);
}

/** The python:*-slim image's own packages on a release (PYTHON_SLIM_RUNTIME), sorted. */
export function pythonSlimOf(release: ReleaseIndex["release"]): string[] {
  return [...PYTHON_SLIM_RUNTIME[release]].sort(cmp);
}

export interface Resolver {
  /** Virtual names resolved so far, with the provider chosen and why. */
  readonly virtuals: Record<string, VirtualChoice>;
  /** The real package satisfying one atom (strict: the version constraint too), or undefined. */
  resolveAtom(a: Atom, strict: boolean): string | undefined;
  /** The real package apt would use for one "a | b | ..." dependency, or undefined when nothing satisfies it. */
  resolveGroup(group: Atom[]): string | undefined;
}

/**
 * A resolver over one release's index. `roots` steer virtual-package choices (a provider that is a root wins);
 * `imageBase` is what the image already has (a dependency it satisfies resolves to it). See VIRTUAL_RULE and
 * ALTERNATIVE_RULE.
 */
export function createResolver(idx: ReleaseIndex, roots: ReadonlySet<string>, imageBase: ReadonlySet<string>): Resolver {
  const { packages, providers } = idx;
  const virtuals: Record<string, VirtualChoice> = {};

  const chooseProvider = (name: string, cands: string[]): string => {
    const sorted = [...new Set(cands)].sort(cmp);
    let chosen: string;
    let rule: string;
    if (sorted.length === 1) {
      chosen = sorted[0];
      rule = "only provider";
    } else if (sorted.some((c) => roots.has(c))) {
      chosen = sorted.find((c) => roots.has(c))!;
      rule = "provider is a root";
    } else {
      const rank = (n: string) => PRIORITY_RANK[packages.get(n)!.priority] ?? 5;
      chosen = [...sorted].sort((a, b) => rank(a) - rank(b) || cmp(a, b))[0];
      rule = rank(chosen) < rank(sorted.find((c) => c !== chosen)!) ? "highest priority" : "alphabetical";
      if (sorted.filter((c) => rank(c) === rank(chosen)).length > 1) rule = "highest priority, then alphabetical";
    }
    virtuals[name] = { chosen, providers: sorted, rule };
    return chosen;
  };

  const resolveAtom = (a: Atom, strict: boolean): string | undefined => {
    const real = packages.get(a.name);
    if (real && (!strict || satisfies(real.version, a.op, a.version))) return real.name;
    const provs = (providers.get(a.name) ?? []).filter(
      (p) => !strict || !a.op || (p.version !== undefined && satisfies(p.version, a.op, a.version)),
    );
    if (provs.length === 0) return undefined;
    if (real) return real.name; // non-strict: a real package of that name wins over providers
    return chooseProvider(a.name, provs.map((p) => p.name));
  };

  const resolveGroup = (group: Atom[]): string | undefined => {
    // apt treats a dependency as satisfied when an installed package meets it, directly or
    // through Provides: prefer what every python slim image already has (the image base).
    for (const a of group) {
      const real = packages.get(a.name);
      if (real && imageBase.has(real.name) && satisfies(real.version, a.op, a.version)) return real.name;
      const inBase = (providers.get(a.name) ?? [])
        .filter((p) => imageBase.has(p.name))
        .filter((p) => !a.op || (p.version !== undefined && satisfies(p.version, a.op, a.version)))
        .map((p) => p.name)
        .sort(cmp);
      if (inBase.length > 0) {
        if (!real) {
          const all = [...new Set((providers.get(a.name) ?? []).map((p) => p.name))].sort(cmp);
          virtuals[a.name] = { chosen: inBase[0], providers: all, rule: "provider already in the image base" };
        }
        return inBase[0];
      }
    }
    for (const a of group) {
      const r = resolveAtom(a, true);
      if (r) return r;
    }
    for (const a of group) {
      const r = resolveAtom(a, false);
      if (r) return r;
    }
    return undefined;
  };

  return { virtuals, resolveAtom, resolveGroup };
}

export interface ClosureEntry {
  version: string;
  installedSizeKiB: number;
  /** Resolved Depends + Pre-Depends, deduplicated and sorted. */
  depends: string[];
  priority: string;
  essential: boolean;
  section: string;
  source: string;
}

/**
 * The closure of `names` over resolved Depends + Pre-Depends. A name that is only virtual is replaced by its
 * provider; dependencies nothing satisfies go to `unresolved` ("pkg: a | b").
 */
export function closeOver(
  idx: ReleaseIndex,
  resolver: Resolver,
  names: Iterable<string>,
  unresolved: Set<string>,
): Record<string, ClosureEntry> {
  const { packages } = idx;
  const out: Record<string, ClosureEntry> = {};
  const queue: string[] = [];
  for (const name of [...new Set(names)].sort(cmp)) {
    if (packages.has(name)) queue.push(name);
    else {
      const r = resolver.resolveAtom({ name }, false); // a requested name that is only virtual: record its provider
      if (r) queue.push(r);
    }
  }
  while (queue.length) {
    const name = queue.shift()!;
    if (out[name]) continue;
    const p = packages.get(name)!;
    const deps = new Set<string>();
    for (const group of p.depends) {
      const r = resolver.resolveGroup(group);
      if (r === undefined) {
        unresolved.add(`${name}: ${group.map((a) => a.name + (a.op ? ` (${a.op} ${a.version})` : "")).join(" | ")}`);
        continue;
      }
      if (r !== name) deps.add(r);
    }
    out[name] = {
      version: p.version,
      installedSizeKiB: p.installedSizeKiB,
      depends: [...deps].sort(cmp),
      priority: p.priority,
      essential: p.essential,
      section: p.section,
      source: p.source,
    };
    for (const d of [...deps].sort(cmp)) if (!out[d]) queue.push(d);
  }
  return out;
}

/**
 * Every package a python:*-slim image of the release has: the closure of minbase + PYTHON_SLIM_RUNTIME.
 * A Python package's dependency on one of these is no need (the image already satisfies it).
 */
export function slimImagePackages(idx: ReleaseIndex): Set<string> {
  const base = new Set([...minbaseOf(idx.packages), ...pythonSlimOf(idx.release)]);
  const resolver = createResolver(idx, base, base);
  return new Set(Object.keys(closeOver(idx, resolver, base, new Set())));
}
