/**
 * The derived knowledge layer of one Debian release (lib/knowledge/derived/types.ts): what every Python project
 * Debian packages needs, taken from the release's Packages, Sources and Contents indices and dh-python's PyPI
 * name mapping. Pure: the inputs are parsed indices; reading them is indices.ts's job.
 */
import { derivedShardId, DERIVED_SHARDS, type DerivedEntry, type DerivedShard } from "../../lib/knowledge/derived/types";
import { normalizeName } from "../../lib/knowledge/names";
import type { Toolchain } from "../../lib/knowledge/types";
import { createResolver, minbaseOf, pythonSlimOf, slimImagePackages } from "./closure";
import { type BuildAtom, buildAtomApplies } from "./control";
import { type DebScriptsTable, matchingRow } from "./deb-scripts";
import type { ReleaseIndex, SourceStanza } from "./indices";
import { cmp, sortKeys, stable } from "./order";

export interface DeriveInputs {
  index: ReleaseIndex;
  sources: ReadonlyMap<string, SourceStanza>;
  /**
   * package → the program paths it installs (Contents: usr/bin, usr/sbin, bin, sbin). Undefined when the release
   * has no verified Contents index: then no entry lists scripts and a non-library dependency counts as a program.
   */
  programs: ReadonlyMap<string, readonly string[]> | undefined;
  /**
   * Without Contents: the program paths read from the .deb files (deb-scripts.ts), used for `scripts` only. A package
   * the table lacks, or has at another version or SHA256, has unknown scripts (meta.scriptsUnknown).
   */
  debScripts?: DebScriptsTable;
  /** dh-python's dist/cpython3_fallback text and the dh-python version it comes from. */
  dhPython: { version: string; text: string };
  /** Where the inputs came from, recorded in meta.json as given. */
  inputs: Record<string, string | string[]>;
}

export interface DerivedMeta {
  release: string;
  codename: string;
  suite: string;
  version: string;
  /** The InRelease Date of the indices the data was derived from. */
  date: string;
  archive: string;
  architecture: string;
  counts: { entries: number; compiled: number; pure: number; debianPackages: number; referencedNames: number };
  /**
   * false: neither a verified Contents index nor a .deb table was available, `scripts` is empty for every entry
   * (unknown, not none).
   */
  scriptsKnown: boolean;
  /** Where `scripts` come from: the Contents index, the .deb files (and why), or nowhere. */
  scriptsMethod: string;
  /** Debian packages of entries whose `scripts` are unknown although scriptsKnown (no row for that exact .deb). Sorted. */
  scriptsUnknown: string[];
  inputs: Record<string, string | string[]>;
  rules: Record<string, string>;
}

export interface DerivedRelease {
  /** Every shard id ("00".."3f") → its entries (possibly none). */
  shards: Record<string, DerivedShard>;
  meta: DerivedMeta;
  /** Every Debian package name the entries mention (package, runtime, build) → its version in the release. */
  names: Record<string, string>;
}

/** The profiles a slim source build runs with: no tests, no documentation (Policy §7.7, BuildProfileSpec). */
export const BUILD_PROFILES: ReadonlySet<string> = new Set(["nocheck", "nodoc"]);

/** Binary packages that are CPython itself or its standard library, not projects on PyPI. */
const STDLIB_SOURCE = /^(python3-defaults|python3-stdlib-extensions|python3\.\d+)$/;
/** Binary packages that are never the installable project: documentation, debug symbols, headers, test suites. */
const NOT_A_PROJECT = /-(doc|docs|dbg|dbgsym|dev|tests?)$/;

/** Depends entries that are no need on any python image: the C runtime, the interpreter, the C++ and GCC runtimes. */
const RUNTIME_DROP = /^(libc6|libgcc-s1|libstdc\+\+6|libpython3.*|python3(\.\d+)?(-minimal)?)$/;
/** Package names that are data, not a library or program an import needs (web assets, fonts, documentation). */
const NOT_RUNTIME = /^(libjs-|node-|fonts-)|-(dev|doc|data|common)$/;

/**
 * Build-Depends that are Debian's packaging, documentation or test tooling, or Python packages (pip gets those
 * from the project's own build requirements): not what a `pip install` from an sdist needs.
 */
const BUILD_DROP = new RegExp(
  "^(" +
    [
      "debhelper(-compat)?", "dh-.*", "dh", "pybuild-plugin-.*", "python3.*", "libpython3.*", "cython3.*", "python-.*",
      "build-essential", "dpkg-dev", "fakeroot", "quilt", "devscripts", "lintian", "po-debconf", "chrpath", "lsb-release",
      "sphinx.*", ".*-doc", "texlive.*", "texinfo", "latexmk", "dvipng", "doxygen.*", "help2man", "pandoc.*", "asciidoc.*",
      "docbook.*", "xmlto", "ronn", "graphviz", "jdupes", "rdfind", "libjs-.*", "node-.*", "fonts-.*", "xfonts-.*",
      "pytest.*", "tox", "xvfb", "xauth", "xserver-xorg.*", "dbus-x11", "dbus", "at-spi2-core", "faketime", "locales(-all)?",
      "tzdata", "netbase", "ca-certificates", "openssl", "dvisvgm",
      // servers the test suites start
      "postgresql(-\\d+)?", "postgresql-contrib", "mariadb-server", "default-mysql-server", "redis-server", "memcached",
      "slapd", "ldap-utils", "rabbitmq-server", "mongodb-server",
    ].join("|") +
    ")$",
);

/** Compilers among Build-Depends, as the toolchain they stand for; Debian's Rust crates mean the Rust toolchain. */
function toolchainOf(name: string): Toolchain | undefined {
  if (/^(gcc|clang)(-\d+)?$/.test(name)) return "c";
  if (/^(g\+\+|clang\+\+)(-\d+)?$/.test(name)) return "c++";
  if (/^gfortran(-\d+)?$/.test(name)) return "fortran";
  if (/^(cargo|rustc|librust-.*-dev)$/.test(name)) return "rust";
  return undefined;
}

const TOOLCHAIN_ORDER: readonly Toolchain[] = ["c", "c++", "fortran", "rust"];

export const RULES: Record<string, string> = {
  names:
    "PyPI name → Debian binary: dh-python's dist/cpython3_fallback (its lines name a Debian package that exists in the release), " +
    "then every other python3-X binary as PyPI name X unless its source builds a mapped binary (then it is part of that project, under the name that binary is required by); names PEP 503 normalised. CPython's own packages (sources python3-defaults, " +
    "python3-stdlib-extensions, python3.N) and -doc/-dbg/-dev/-tests binaries are no project.",
  compiled:
    "Architecture any (an index's own architecture) is compiled, Architecture all is pure Python; a project with parts " +
    "(see names) is compiled when any of its binaries is, and its runtime and requires cover all of them.",
  runtime:
    "The binary's Pre-Depends + Depends, each resolved to the real package apt would install on python:*-slim (what the image " +
    "already satisfies wins), kept when it is a shared library (lib*, not -dev/-doc/-data/-common, not libjs-) or installs a program " +
    "(Contents: usr/bin, usr/sbin, bin, sbin; without a Contents index every other package counts as one); dropped: libc6, libgcc-s1, libstdc++6, libpython3*, python3, python3-* (they are `requires`) " +
    "and everything in the python:*-slim image (closure of minbase + PYTHON_SLIM_RUNTIME). Pure packages keep theirs too (a wrapper's library).",
  build:
    "Compiled packages only: the source's Build-Depends + Build-Depends-Arch for amd64 with the build profiles nocheck and nodoc " +
    "(an item restricted to <!nocheck> or <!nodoc> is dropped), the first alternative that applies and exists, less Debian's packaging, " +
    "documentation and test tooling and Python packages, resolved to a real package (a virtual name to its provider), " +
    "less what python:*-slim has.",
  toolchains:
    "Compiled packages only: c always (Debian's build-essential is implicit); c++ when Build-Depends name g++/clang++ or the binary " +
    "depends on libstdc++6; fortran for gfortran or libgfortran*; rust for cargo, rustc or Debian's librust-*-dev crates.",
  requires:
    "The python3-* packages among the resolved Depends, mapped back to their PyPI names (the entries of this release); " +
    "a binary dh-python maps under several names is required by the one it Provides as python3-<name>, else python3-<name> itself, else the first by name.",
  scripts: "Contents: the binary's files in usr/bin whose names are plain command names ([A-Za-z0-9._+-]).",
};

/** RULES.scripts when the scripts come from the .deb files instead of Contents. */
export const DEB_SCRIPTS_RULE =
  "The binary's .deb file (its SHA256 checked against Packages): its files in usr/bin whose names are plain command names " +
  "([A-Za-z0-9._+-]); only where the table's version and SHA256 are the current Packages' (else that package is in scriptsUnknown).";

/** meta.scriptsMethod of a release that has a verified Contents index. */
export const CONTENTS_SCRIPTS_METHOD = "Contents-<arch> and Contents-all, verified by apt against InRelease";

/** meta.scriptsMethod of a release whose scripts come from the .deb files; `date` is the InRelease Date. */
export function debScriptsMethod(date: string): string {
  return `scripts from the .deb files (Contents of ${date} did not match InRelease)`;
}

interface NameChoice { name: string; display?: string; pkg: string; fromMapping: boolean }

/** dh-python's fallback lines: "DistName debian-package [(constraint)]". */
export function parseDhPythonFallback(text: string): { dist: string; pkg: string }[] {
  const out: { dist: string; pkg: string }[] = [];
  for (const line of text.split("\n")) {
    const t = line.trim();
    if (!t || t.startsWith("#")) continue;
    const [dist, pkg] = t.split(/\s+/);
    if (dist && pkg) out.push({ dist, pkg });
  }
  return out;
}

function isProjectBinary(index: ReleaseIndex, pkg: string): boolean {
  const p = index.packages.get(pkg);
  return !!p && !STDLIB_SOURCE.test(p.source) && !NOT_A_PROJECT.test(pkg);
}

/**
 * PyPI name → Debian binary for the release: dh-python's mapping first, then the python3-X convention. `parts`:
 * binaries that belong to a mapped project of the same source → that project's name.
 */
export function mapNames(index: ReleaseIndex, dhPythonText: string, parts = new Map<string, string>()): Map<string, NameChoice> {
  const chosen = new Map<string, NameChoice>();
  const better = (a: NameChoice, b: NameChoice) => {
    // Of two binaries claimed by one name: the mapping over the convention, then python3-<name>, then the first by name.
    if (a.fromMapping !== b.fromMapping) return a.fromMapping;
    const ca = a.pkg === `python3-${a.name}`;
    const cb = b.pkg === `python3-${b.name}`;
    if (ca !== cb) return ca;
    return cmp(a.pkg, b.pkg) < 0;
  };
  const offer = (c: NameChoice) => {
    const prev = chosen.get(c.name);
    if (!prev || better(c, prev)) chosen.set(c.name, c);
  };
  for (const { dist, pkg } of parseDhPythonFallback(dhPythonText)) {
    if (!isProjectBinary(index, pkg)) continue;
    const stanza = index.packages.get(pkg)!;
    // A mapping line naming an application must still be a Python one.
    if (!pkg.startsWith("python3-") && !stanza.depends.some((g) => g.some((a) => /^python3(-|$)/.test(a.name)))) continue;
    const name = normalizeName(dist);
    if (!name) continue;
    const spelled = dist.replace(/_/g, "-");
    offer({ name, display: spelled !== name ? spelled : undefined, pkg, fromMapping: true });
  }
  // A python3-X the mapping does not name, built by a source whose other binary it does name, is a part of that
  // project (python3-cffi-backend of cffi, python3-pil.imagetk of Pillow), not a project of its own: dependants
  // require the mapped project, by the name its binary is required by.
  const mappedBySource = new Map<string, string>();
  for (const [pkg, name] of [...requiredNames(index, chosen.values())].sort(([, a], [, b]) => cmp(a, b))) {
    const src = index.packages.get(pkg)!.source;
    if (!mappedBySource.has(src)) mappedBySource.set(src, name);
  }
  const mappedBinaries = new Set([...chosen.values()].map((c) => c.pkg));
  for (const pkg of [...index.packages.keys()].sort(cmp)) {
    if (!pkg.startsWith("python3-") || mappedBinaries.has(pkg) || !isProjectBinary(index, pkg)) continue;
    const project = mappedBySource.get(index.packages.get(pkg)!.source);
    if (project !== undefined) parts.set(pkg, project);
    else offer({ name: normalizeName(pkg.slice("python3-".length)), pkg, fromMapping: false });
  }
  return chosen;
}

/**
 * Debian binary → the PyPI name its dependants require it by. When dh-python maps a binary under several names
 * (python3-pil: pil, Pillow): the one it Provides as python3-<name> (Debian's own record of the project,
 * python3-pillow), then python3-<name> itself, then the first by name.
 */
export function requiredNames(index: ReleaseIndex, choices: Iterable<NameChoice>): Map<string, string> {
  const rank = (pkg: string, name: string) =>
    index.packages.get(pkg)!.provides.some((a) => a.name === `python3-${name}`) ? 0 : pkg === `python3-${name}` ? 1 : 2;
  const out = new Map<string, string>();
  for (const c of [...choices].sort((a, b) => cmp(a.name, b.name))) {
    const prev = out.get(c.pkg);
    if (prev === undefined || rank(c.pkg, c.name) < rank(c.pkg, prev)) out.set(c.pkg, c.name);
  }
  return out;
}

/** Derive one release's entries, shards, meta and referenced names. Deterministic: same inputs, same output. */
export function deriveRelease(input: DeriveInputs): DerivedRelease {
  const { index, sources, programs, debScripts } = input;
  const { packages, release } = index;
  if (debScripts && debScripts.release !== release) throw new Error(`a .deb table of ${debScripts.release} given for ${release}`);
  const slim = slimImagePackages(index);
  const base = new Set([...minbaseOf(packages), ...pythonSlimOf(release)]);
  const resolver = createResolver(index, base, slim);
  const parts = new Map<string, string>();
  const names = mapNames(index, input.dhPython.text, parts);

  const pypiOf = requiredNames(index, names.values());
  const partsOf = new Map<string, string[]>();
  for (const [pkg, project] of [...parts].sort(([a], [b]) => cmp(a, b))) {
    pypiOf.set(pkg, project);
    partsOf.set(project, [...(partsOf.get(project) ?? []), pkg]);
  }

  const referenced = new Set<string>();
  const scriptsUnknown = new Set<string>();
  const isProgram = (n: string) => (programs ? (programs.get(n) ?? []).length > 0 : true);
  const isSharedLibrary = (n: string) => n.startsWith("lib") && !NOT_RUNTIME.test(n);

  const entries: DerivedEntry[] = [];
  for (const c of [...names.values()].sort((a, b) => cmp(a.name, b.name))) {
    const p = packages.get(c.pkg)!;
    // The project's binaries: its own and the parts its source splits off (cffi's compiled python3-cffi-backend).
    const binaries = [c.pkg, ...(partsOf.get(c.name) ?? [])].map((n) => packages.get(n)!);
    const own = new Set(binaries.map((b) => b.name));
    const compiled = binaries.some((b) => b.architecture !== "all");
    const runtime = new Set<string>();
    const requires = new Set<string>();
    let cxx = false;
    let fortran = false;
    for (const group of binaries.flatMap((b) => b.depends)) {
      const r = resolver.resolveGroup(group);
      if (r === undefined || own.has(r)) continue;
      if (r === "libstdc++6") cxx = true;
      if (/^libgfortran\d/.test(r)) fortran = true;
      const pypi = pypiOf.get(r);
      if (pypi !== undefined) {
        if (pypi !== c.name) requires.add(pypi);
        continue;
      }
      if (RUNTIME_DROP.test(r) || r.startsWith("python3-") || slim.has(r)) continue;
      if (isSharedLibrary(r) || (isProgram(r) && !NOT_RUNTIME.test(r))) runtime.add(r);
    }

    const build = new Set<string>();
    const toolchains = new Set<Toolchain>();
    const src = sources.get(p.source);
    if (compiled) {
      toolchains.add("c");
      if (cxx) toolchains.add("c++");
      if (fortran) toolchains.add("fortran");
      for (const group of src?.buildDepends ?? []) {
        // The first alternative that applies to this build and that the release has (as a package or a provider).
        const applying = group.filter((a) => buildAtomApplies(a, index.architecture, BUILD_PROFILES));
        const atom: BuildAtom | undefined =
          applying.find((a) => packages.has(a.name) || index.providers.has(a.name)) ?? applying[0];
        if (!atom) continue;
        const tc = toolchainOf(atom.name);
        if (tc) {
          toolchains.add(tc);
          continue;
        }
        if (BUILD_DROP.test(atom.name)) continue;
        const real = packages.has(atom.name) ? atom.name : resolver.resolveAtom({ name: atom.name }, false);
        if (real === undefined || slim.has(real) || BUILD_DROP.test(real)) continue;
        const realTc = toolchainOf(real);
        if (realTc) toolchains.add(realTc);
        else build.add(real);
      }
    }

    // With Contents every binary is listed (absent: none); from the .deb table only the exact .deb of this index counts.
    let programPaths: readonly string[] = [];
    if (programs) programPaths = programs.get(c.pkg) ?? [];
    else if (debScripts) {
      const row = matchingRow(debScripts, p);
      if (row) programPaths = row.programs;
      else scriptsUnknown.add(c.pkg);
    }
    const scripts = programPaths
      .filter((f) => f.startsWith("usr/bin/"))
      .map((f) => f.slice("usr/bin/".length))
      // Command names only: a file name with spaces or shell characters is no command a Dockerfile should name.
      .filter((f) => /^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(f));

    const entry: DerivedEntry = {
      name: c.name,
      ...(c.display !== undefined ? { display: c.display } : {}),
      debian: { release, package: c.pkg, version: p.version, source: p.source },
      compiled,
      runtime: [...runtime].sort(cmp),
      build: [...build].sort(cmp),
      toolchains: TOOLCHAIN_ORDER.filter((t) => toolchains.has(t)),
      requires: [...requires].sort(cmp),
      scripts: [...new Set(scripts)].sort(cmp),
    };
    referenced.add(c.pkg);
    for (const n of [...entry.runtime, ...entry.build]) referenced.add(n);
    entries.push(entry);
  }

  const shards: Record<string, Record<string, DerivedEntry>> = {};
  for (let i = 0; i < DERIVED_SHARDS; i++) shards[i.toString(16).padStart(2, "0")] = {};
  for (const e of entries) shards[derivedShardId(e.name)][e.name] = e;

  const namesOut: Record<string, string> = {};
  for (const n of [...referenced].sort(cmp)) {
    const p = packages.get(n);
    if (!p) throw new Error(`${release}: derived data names ${n}, which is no real package of the release`);
    namesOut[n] = p.version;
  }

  const compiledCount = entries.filter((e) => e.compiled).length;
  return {
    shards: Object.fromEntries(Object.entries(shards).map(([k, v]) => [k, sortKeys(v)])),
    names: namesOut,
    meta: {
      release,
      codename: index.codename,
      suite: index.suite,
      version: index.version,
      date: index.date,
      archive: index.archive,
      architecture: index.architecture,
      counts: {
        entries: entries.length,
        compiled: compiledCount,
        pure: entries.length - compiledCount,
        debianPackages: new Set(entries.map((e) => e.debian.package)).size,
        referencedNames: referenced.size,
      },
      scriptsKnown: programs !== undefined || debScripts !== undefined,
      scriptsMethod: programs
        ? CONTENTS_SCRIPTS_METHOD
        : debScripts
          ? debScriptsMethod(index.date)
          : "unknown: no verified Contents index and no table of the .deb files",
      scriptsUnknown: [...scriptsUnknown].sort(cmp),
      inputs: input.inputs,
      rules: !programs && debScripts ? { ...RULES, scripts: DEB_SCRIPTS_RULE } : RULES,
    },
  };
}

/** A shard file: one entry per line, keys sorted, so a regeneration diffs by package. */
export function serializeShard(shard: DerivedShard): string {
  const names = Object.keys(shard).sort(cmp);
  if (names.length === 0) return "{}\n";
  return "{\n" + names.map((n) => `  ${JSON.stringify(n)}: ${JSON.stringify(stable(shard[n]))}`).join(",\n") + "\n}\n";
}

/** meta.json and debian-names.json: sorted keys, two-space indentation. */
export function serializeJson(value: unknown): string {
  return JSON.stringify(stable(value), null, 2) + "\n";
}
