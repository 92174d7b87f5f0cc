/**
 * debian-snapshot.json and its compact projection debian-weights.json: per release the roots (what the project
 * can install, the image bases), their closure over Depends + Pre-Depends, and deterministic serialisation.
 */
import { PACKAGES } from "../../lib/knowledge/index";
import { FULL_IMAGE_ROOTS, PYTHON_SLIM_RUNTIME } from "../../lib/knowledge/image-contents";
import { TOOLCHAINS } from "../../lib/knowledge/toolchains";
import { DEBIAN_RELEASES, type DebianRelease } from "../../lib/knowledge/types";
import {
  ALTERNATIVE_RULE, type ClosureEntry, closeOver, createResolver, minbaseOf, pythonSlimOf, VIRTUAL_RULE, type VirtualChoice,
} from "./closure";
import { loadReleaseIndex, type ReleaseIndex } from "./indices";
import { cmp, sortKeys, stable } from "./order";
import { DEFAULT_INDEX_DIR } from "./paths";

/** Names renamed between releases; added as roots where they exist, recorded under `absent` where not. */
export const RENAME_PROBES: readonly string[] = [
  "libssl1.1", "libssl3", "libssl3t64",
  "libodbc1", "libodbc2",
  "libffi7", "libffi8",
  "libreadline8", "libreadline8t64",
  "libgdbm6", "libgdbm6t64",
  "libdb5.3", "libdb5.3t64",
  "libpq5",
];

/**
 * The seed articles' own `apt-get install` lines, kept as roots so lib/estimate.test.ts can check the
 * weight estimate against the sizes the articles measured.
 *   000: python:3.8-slim-bullseye, `apt-get install -y gcc g++ unixodbc-dev` (the article names bullseye).
 *   003: python:3.10-slim, `apt-get install -y --no-install-recommends gcc python3-dev build-essential`.
 *        The article shows python:3.10-slim at 154MB and python:3.10 at 1.01GB, both "3 weeks ago"; its
 *        text was republished 2025-03-22 (Towards Data Science's move off Medium) and first appeared
 *        earlier. python:3.10-slim has meant slim-bookworm since June 2023, and a 1.01GB python:3.10 is
 *        bookworm's size (bullseye's was about 0.9GB), so the measurement is taken as bookworm.
 */
export const VALIDATION_ROOTS: Partial<Record<DebianRelease, Record<string, readonly string[]>>> = {
  bullseye: { "000": ["g++", "gcc", "unixodbc-dev"] },
  bookworm: { "003": ["build-essential", "gcc", "python3-dev"] },
};


export interface ReleaseSnapshot {
  codename: string;
  suite: string;
  version: string;
  date: string;
  roots: { minbase: string[]; pythonSlim: string[]; full: string[]; validation: Record<string, string[]> };
  absent: string[];
  virtuals: Record<string, VirtualChoice>;
  unresolved: string[];
  packages: Record<string, ClosureEntry>;
}

export interface Snapshot {
  source: Record<string, unknown>;
  releases: Record<DebianRelease, ReleaseSnapshot>;
}

/** The Debian names the project can install on a release, from the package knowledge and toolchains. */
export function knowledgeNames(release: DebianRelease): string[] {
  const names = new Set<string>();
  for (const p of PACKAGES) for (const need of p.needs) for (const n of need.packages[release] ?? []) names.add(n);
  for (const perTarget of Object.values(TOOLCHAINS)) for (const n of perTarget[release] ?? []) names.add(n);
  return [...names].sort(cmp);
}

function closeRelease(idx: ReleaseIndex, requested: string[], everyName: Set<string>): ReleaseSnapshot {
  const { packages } = idx;
  const minbase = minbaseOf(packages);
  // Not filtered: a name missing from the index stays here and makes debian.test.ts fail.
  const pythonSlim = pythonSlimOf(idx.release);
  const probes = RENAME_PROBES.filter((n) => packages.has(n));
  // Roots that steer virtual-package choices: the project's own names. The full image's and the seeds'
  // roots (below) are closed over too, but do not change which provider a knowledge package resolves to.
  const roots = new Set<string>([...minbase, ...pythonSlim, ...requested, ...probes]);
  const resolver = createResolver(idx, roots, new Set([...minbase, ...pythonSlim]));
  const unresolved = new Set<string>();

  // The full image's roots as the real packages apt installs: a name that is only virtual in this
  // release (libxslt-dev → libxslt1-dev; trixie's libncurses5-dev → libncurses-dev) becomes its
  // provider (recorded under `virtuals`); a name with no provider at all is left out (and is `absent`).
  const full = [
    ...new Set(FULL_IMAGE_ROOTS.map((n) => (packages.has(n) ? n : resolver.resolveAtom({ name: n }, false))).filter((n): n is string => !!n)),
  ].sort(cmp);
  const validation = Object.fromEntries(
    Object.entries(VALIDATION_ROOTS[idx.release] ?? {}).map(([k, names]) => [k, [...names].sort(cmp)]),
  );
  const out = closeOver(idx, resolver, [...roots, ...full, ...Object.values(validation).flat()], unresolved);

  return {
    codename: idx.codename,
    suite: idx.suite,
    version: idx.version,
    date: idx.date,
    roots: { minbase, pythonSlim, full, validation },
    absent: [...everyName].filter((n) => !packages.has(n)).sort(cmp),
    virtuals: sortKeys(resolver.virtuals),
    unresolved: [...unresolved].sort(cmp),
    packages: sortKeys(out),
  };
}

export function buildSnapshot(dir: string = DEFAULT_INDEX_DIR): Snapshot {
  const indices = DEBIAN_RELEASES.map((r) => loadReleaseIndex(dir, r));
  const requested = Object.fromEntries(DEBIAN_RELEASES.map((r) => [r, knowledgeNames(r)])) as Record<DebianRelease, string[]>;
  // Every name the project uses on ANY release: recorded per release under `absent` when that release lacks it.
  const everyName = new Set<string>([
    ...DEBIAN_RELEASES.flatMap((r) => [...requested[r], ...PYTHON_SLIM_RUNTIME[r]]),
    ...RENAME_PROBES,
    ...FULL_IMAGE_ROOTS,
    ...Object.values(VALIDATION_ROOTS).flatMap((v) => Object.values(v ?? {}).flat()),
  ]);
  const releases = {} as Record<DebianRelease, ReleaseSnapshot>;
  for (const idx of indices) releases[idx.release] = closeRelease(idx, requested[idx.release], everyName);
  const archives = [...new Set(indices.map((i) => i.archive))].sort(cmp);
  return {
    source: {
      description:
        "Debian package facts for the names Wheelwright can install, and their Depends + Pre-Depends closure. " +
        "Generated by scripts/build-debian-snapshot.ts from the Packages indices fetched by scripts/fetch-debian-indices.sh; do not edit by hand.",
      generatedFrom: {
        archive: archives.length === 1 ? archives[0] : archives,
        component: "main",
        architecture: [...new Set(indices.map((i) => i.architecture))].sort(cmp).join(","),
        releases: Object.fromEntries(
          indices.map((i) => [i.release, { codename: i.codename, suite: i.suite, version: i.version, date: i.date }]),
        ),
        note: "Release suites only (no -updates / -security): versions are those of the last point release.",
      },
      roots:
        "Per release: every Debian name in PACKAGES (needs[].packages[release]) and TOOLCHAINS; the python:*-slim image's kept packages " +
        "(roots.pythonSlim: ca-certificates, netbase, tzdata and the shared libraries CPython links to); the debian:<release>-slim base " +
        "(roots.minbase: Priority required or Essential yes, plus apt and usr-is-merged where it exists); known-rename probes (" + RENAME_PROBES.join(", ") + ") where they exist; " +
        "roots.full: what the full python:<ver>-<release> image adds (buildpack-deps curl + scm + main layers and libbluetooth-dev, tk-dev, uuid-dev), a name that is only virtual there replaced by its provider; " +
        "roots.validation: the seed articles' own apt-get install lines (000 on bullseye, 003 on bookworm), for lib/estimate.test.ts. " +
        "Virtual-package choices prefer providers among the first four kinds only.",
      closure: "Depends + Pre-Depends only (no Recommends/Suggests); `depends` lists the resolved real package names, deduplicated and sorted.",
      alternatives: ALTERNATIVE_RULE,
      virtualPackages: VIRTUAL_RULE + " Each resolution is recorded under releases.<release>.virtuals.",
      absent: "releases.<release>.absent: names used on some release (knowledge, toolchains, python slim, rename probes) that this release's index does not carry as a real package.",
      unresolved: "releases.<release>.unresolved: dependencies no package in the index satisfies (left out of `depends`).",
    },
    releases,
  };
}

// Deterministic serialisation: sorted keys, one line per package entry.

function format(value: unknown, indent: string, keyPath: string[]): string {
  const compact =
    (keyPath.length === 4 && keyPath[0] === "releases" && (keyPath[2] === "packages" || keyPath[2] === "virtuals")) ||
    (Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null));
  if (compact || value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = indent + "  ";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return "[\n" + value.map((v, i) => inner + format(v, inner, [...keyPath, String(i)])).join(",\n") + "\n" + indent + "]";
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return "{}";
  return (
    "{\n" +
    entries.map(([k, v]) => inner + JSON.stringify(k) + ": " + format(v, inner, [...keyPath, k])).join(",\n") +
    "\n" + indent + "}"
  );
}
export function serializeSnapshot(s: Snapshot): string {
  return format(stable(s), "", []) + "\n";
}

export interface WeightsRelease {
  version: string;
  date: string;
  roots: ReleaseSnapshot["roots"];
  /** virtual name → the real package chosen for it */
  virtuals: Record<string, string>;
  /** name → [Installed-Size in KiB, resolved Depends + Pre-Depends] */
  packages: Record<string, [number, string[]]>;
}
export interface Weights {
  source: string;
  releases: Record<DebianRelease, WeightsRelease>;
}

/** The compact projection of a snapshot that lib/estimate.ts imports. */
export function weightsFromSnapshot(s: Snapshot): Weights {
  const releases = {} as Record<DebianRelease, WeightsRelease>;
  for (const r of DEBIAN_RELEASES) {
    const rs = s.releases[r];
    releases[r] = {
      version: rs.version,
      date: rs.date,
      roots: rs.roots,
      virtuals: Object.fromEntries(Object.entries(rs.virtuals).map(([k, v]) => [k, v.chosen])),
      packages: Object.fromEntries(Object.entries(rs.packages).map(([k, p]) => [k, [p.installedSizeKiB, p.depends]])),
    };
  }
  return {
    source:
      "Compact projection of debian-snapshot.json (same generator, same indices) for lib/estimate.ts: " +
      "packages.<name> = [Installed-Size KiB, resolved Depends + Pre-Depends]. Generated by scripts/build-debian-snapshot.ts; do not edit by hand.",
    releases,
  };
}
export function serializeWeights(w: Weights): string {
  const lines: string[] = ["{", `  "releases": {`];
  DEBIAN_RELEASES.slice().sort(cmp).forEach((r, ri, all) => {
    const rw = w.releases[r];
    lines.push(`    ${JSON.stringify(r)}: {`);
    lines.push(`      "date": ${JSON.stringify(rw.date)},`);
    lines.push(`      "packages": {`);
    const names = Object.keys(rw.packages).sort(cmp);
    names.forEach((n, i) => lines.push(`        ${JSON.stringify(n)}: ${JSON.stringify(rw.packages[n])}${i < names.length - 1 ? "," : ""}`));
    lines.push(`      },`);
    lines.push(`      "roots": ${JSON.stringify(stable(rw.roots))},`);
    lines.push(`      "version": ${JSON.stringify(rw.version)},`);
    lines.push(`      "virtuals": ${JSON.stringify(stable(rw.virtuals))}`);
    lines.push(`    }${ri < all.length - 1 ? "," : ""}`);
  });
  lines.push(`  },`, `  "source": ${JSON.stringify(w.source)}`, "}");
  return lines.join("\n") + "\n";
}

