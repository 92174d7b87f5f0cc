/**
 * Build lib/knowledge/debian-snapshot.json from Debian's real package indices.
 *
 *   npx tsx scripts/build-debian-snapshot.ts [DIR] [--out FILE] [--check]
 *
 * DIR (default: .cache/debian in the repository) holds one folder per release as
 * written by scripts/fetch-debian-indices.sh: DIR/<release>/{sources.list,lists/}.
 * The Packages file in DIR/<release>/lists is parsed directly (decompressed with
 * apt-helper cat-file, which understands every compression apt writes).
 *
 * For each release the roots are:
 *   - every Debian name in PACKAGES (needs[].packages[release]) and TOOLCHAINS,
 *   - ca-certificates, netbase, tzdata and the shared libraries the official
 *     python:*-slim image keeps (PYTHON_SLIM_RUNTIME below),
 *   - the minbase set a debian:<release>-slim image starts from: every package with
 *     Priority: required or Essential: yes, plus apt (debootstrap --variant=minbase),
 *   - a few known-rename probes (libssl3 → libssl3t64, libodbc1 → libodbc2, ...),
 *     where they exist,
 * and the snapshot holds the closure of the roots over Depends + Pre-Depends.
 *
 * It also writes lib/knowledge/debian-weights.json, a compact projection of the same snapshot holding only
 * what the weight estimate (lib/estimate.ts) reads: per release the roots, the chosen virtual providers
 * and, per package, [installedSizeKiB, depends]. About a third of the full snapshot's size, so the page
 * does not bundle versions, priorities and sources it never shows.
 *
 * --check: do not write, compare with the committed files and exit 1 when either differs.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PACKAGES } from "../lib/knowledge/index";
import { TOOLCHAINS } from "../lib/knowledge/toolchains";
import { DEBIAN_RELEASES, type DebianRelease } from "../lib/knowledge/types";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DEFAULT_INDEX_DIR = path.join(REPO_ROOT, ".cache", "debian");
export const SNAPSHOT_PATH = path.join(REPO_ROOT, "lib", "knowledge", "debian-snapshot.json");
/** The compact projection lib/estimate.ts imports (the page bundles it): see weightsFromSnapshot. */
export const WEIGHTS_PATH = path.join(REPO_ROOT, "lib", "knowledge", "debian-weights.json");

/**
 * What the python:<ver>-slim-<release> images keep besides the debian-slim base:
 * the packages they install explicitly plus the packages owning the shared
 * libraries CPython links to (union over the Python versions still built; some
 * are version-dependent: libzstd1 3.14+, libnsl2/libtirpc3/libcrypt1 ≤ 3.12).
 * Source: docker-library/python Dockerfiles, summarised in
 * /work/shared/data/python-images.json (slim_image_contents). Bullseye is derived
 * the same way (libssl1.1, libffi7; libc6-dev pulls libnsl-dev there as in bookworm).
 */
export const PYTHON_SLIM_RUNTIME: Record<DebianRelease, readonly string[]> = {
  bullseye: [
    "ca-certificates", "netbase", "tzdata",
    "libssl1.1", "libsqlite3-0", "libffi7", "libbz2-1.0", "liblzma5", "libreadline8", "libncursesw6",
    "libtinfo6", "libgdbm6", "libgdbm-compat4", "libdb5.3", "libuuid1", "zlib1g", "libzstd1",
    "libnsl2", "libtirpc3", "libcrypt1",
  ],
  bookworm: [
    "ca-certificates", "netbase", "tzdata",
    "libssl3", "libsqlite3-0", "libffi8", "libbz2-1.0", "liblzma5", "libreadline8", "libncursesw6",
    "libtinfo6", "libgdbm6", "libgdbm-compat4", "libdb5.3", "libuuid1", "zlib1g", "libzstd1",
    "libnsl2", "libtirpc3", "libcrypt1",
  ],
  trixie: [
    "ca-certificates", "netbase", "tzdata",
    "libssl3t64", "libsqlite3-0", "libffi8", "libbz2-1.0", "liblzma5", "libreadline8t64", "libncursesw6",
    "libtinfo6", "libgdbm6t64", "libgdbm-compat4t64", "libdb5.3t64", "libuuid1", "zlib1g", "libzstd1",
    "libcrypt1",
  ],
};

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
 * What the full (non-slim) python:<ver>-<release> images install on top of debian:<release>: they are
 * built FROM buildpack-deps:<release>, whose three layers (curl, scm, main) install these with
 * --no-install-recommends, plus the Python Dockerfile's own additions (libbluetooth-dev, tk-dev,
 * uuid-dev). Source: docker-library/buildpack-deps debian/trixie/Dockerfile (2025-11-13; bookworm
 * identical), summarised in /work/shared/data/python-images.json (full_image_buildpack_deps_dev_packages).
 * The same list is used for every release; a name that is only virtual in a release is replaced by its
 * provider in roots.full (and listed under `absent`). Bullseye's buildpack-deps also fell back to libmysqlclient-dev
 * where default-libmysqlclient-dev did not exist; it exists in all three releases.
 */
export const FULL_IMAGE_ROOTS: readonly string[] = [
  // curl layer
  "ca-certificates", "curl", "gnupg", "netbase", "sq", "wget",
  // scm layer
  "git", "mercurial", "openssh-client", "subversion", "procps",
  // main layer
  "autoconf", "automake", "bzip2", "default-libmysqlclient-dev", "dpkg-dev", "file", "g++", "gcc", "imagemagick",
  "libbz2-dev", "libc6-dev", "libcurl4-openssl-dev", "libdb-dev", "libevent-dev", "libffi-dev", "libgdbm-dev",
  "libglib2.0-dev", "libgmp-dev", "libjpeg-dev", "libkrb5-dev", "liblzma-dev", "libmagickcore-dev", "libmagickwand-dev",
  "libmaxminddb-dev", "libncurses5-dev", "libncursesw5-dev", "libpng-dev", "libpq-dev", "libreadline-dev",
  "libsqlite3-dev", "libssl-dev", "libtool", "libwebp-dev", "libxml2-dev", "libxslt-dev", "libyaml-dev", "make",
  "patch", "unzip", "xz-utils", "zlib1g-dev",
  // python:<ver>-<release> adds
  "libbluetooth-dev", "tk-dev", "uuid-dev",
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

/**
 * debootstrap --variant=minbase adds apt to the required/Essential set, and on a merged-/usr system
 * usr-is-merged (bookworm's init-system-helpers depends on "usrmerge | usr-is-merged"; the real
 * debian:bookworm-slim has usr-is-merged and no perl: debuerreotype/docker-debian-artifacts
 * bookworm/slim/rootfs.manifest). Without it the alternative rule would take usrmerge, which pulls perl
 * (about 50 MB) into every bookworm image base. Only names the release has are added.
 */
const MINBASE_EXTRA = ["apt", "usr-is-merged"];

// ---------------------------------------------------------------------------
// Debian version comparison (dpkg's algorithm).

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}
function order(c: string | undefined): number {
  if (c === undefined || isDigit(c)) return 0;
  if ((c >= "A" && c <= "Z") || (c >= "a" && c <= "z")) return c.charCodeAt(0);
  if (c === "~") return -1;
  return c.charCodeAt(0) + 256;
}
function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const ac = order(a[i]);
      const bc = order(b[j]);
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a[i] === "0") i++;
    while (b[j] === "0") j++;
    while (isDigit(a[i]) && isDigit(b[j])) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigit(a[i])) return 1;
    if (isDigit(b[j])) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}
function splitVersion(v: string): [number, string, string] {
  let epoch = 0;
  let rest = v;
  const colon = v.indexOf(":");
  if (colon >= 0) {
    epoch = Number(v.slice(0, colon));
    rest = v.slice(colon + 1);
  }
  const dash = rest.lastIndexOf("-");
  return dash >= 0 ? [epoch, rest.slice(0, dash), rest.slice(dash + 1)] : [epoch, rest, ""];
}
/** dpkg --compare-versions: negative, zero or positive. */
export function compareDebianVersions(a: string, b: string): number {
  const [ea, ua, ra] = splitVersion(a);
  const [eb, ub, rb] = splitVersion(b);
  if (ea !== eb) return ea - eb;
  return verrevcmp(ua, ub) || verrevcmp(ra, rb);
}
function satisfies(version: string, op: string | undefined, wanted: string | undefined): boolean {
  if (!op || wanted === undefined) return true;
  const c = compareDebianVersions(version, wanted);
  switch (op) {
    case "<<": return c < 0;
    case "<=": case "<": return c <= 0;
    case "=": return c === 0;
    case ">=": case ">": return c >= 0;
    case ">>": return c > 0;
    default: return true;
  }
}

// ---------------------------------------------------------------------------
// Index parsing.

interface Atom { name: string; op?: string; version?: string }
interface Stanza {
  name: string;
  version: string;
  installedSizeKiB: number;
  priority: string;
  essential: boolean;
  section: string;
  source: string;
  depends: Atom[][];
  provides: Atom[];
}
interface ReleaseIndex {
  release: DebianRelease;
  archive: string;
  architecture: string;
  suite: string;
  version: string;
  codename: string;
  date: string;
  packages: Map<string, Stanza>;
  /** virtual name → providing real packages with the provided version, if any */
  providers: Map<string, { name: string; version?: string }[]>;
}

function parseAtom(text: string): Atom | undefined {
  const m = /^\s*([^\s(:]+)(?::[a-z0-9-]+)?\s*(?:\(\s*(<<|<=|>=|>>|=|<|>)\s*([^)\s]+)\s*\))?/.exec(text);
  if (!m) return undefined;
  return { name: m[1], op: m[2], version: m[3] };
}
function parseRelation(field: string | undefined): Atom[][] {
  if (!field) return [];
  return field
    .split(",")
    .map((group) => group.split("|").map(parseAtom).filter((a): a is Atom => a !== undefined))
    .filter((g) => g.length > 0);
}

/** Parse a Debian control file (Packages), keeping only the fields in `wanted`. */
function parseControl(text: string, wanted: ReadonlySet<string>): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  let fields = new Map<string, string>();
  let last: string | undefined;
  let pos = 0;
  const n = text.length;
  while (pos <= n) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = n;
    const line = text.slice(pos, end);
    pos = end + 1;
    if (line.trim() === "") {
      if (fields.size) out.push(fields);
      fields = new Map();
      last = undefined;
      continue;
    }
    const c0 = line.charCodeAt(0);
    if (c0 === 32 || c0 === 9) {
      if (last) fields.set(last, fields.get(last) + "\n" + line.trim());
      continue;
    }
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const key = line.slice(0, colon);
    if (wanted.has(key)) {
      fields.set(key, line.slice(colon + 1).trim());
      last = key;
    } else last = undefined;
  }
  if (fields.size) out.push(fields);
  return out;
}

const PACKAGE_FIELDS = new Set([
  "Package", "Version", "Installed-Size", "Priority", "Essential", "Section", "Source", "Depends", "Pre-Depends", "Provides",
]);

function catFile(file: string): string {
  const helper = "/usr/lib/apt/apt-helper";
  if (existsSync(helper)) {
    const r = spawnSync(helper, ["cat-file", file], { maxBuffer: 1 << 30 });
    if (r.status === 0) return r.stdout.toString("utf8");
  }
  const byExt: Record<string, string[]> = {
    ".lz4": ["lz4", "-dc"], ".gz": ["gzip", "-dc"], ".xz": ["xz", "-dc"], ".zst": ["zstd", "-dc"], ".bz2": ["bzip2", "-dc"],
  };
  const cmd = byExt[path.extname(file)];
  if (!cmd) return readFileSync(file, "utf8");
  const r = spawnSync(cmd[0], [...cmd.slice(1), file], { maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`cannot decompress ${file}: ${r.stderr || r.error}`);
  return r.stdout.toString("utf8");
}

export function loadReleaseIndex(dir: string, release: DebianRelease): ReleaseIndex {
  const lists = path.join(dir, release, "lists");
  if (!existsSync(lists)) throw new Error(`no indices for ${release} in ${lists}; run scripts/fetch-debian-indices.sh ${dir}`);
  const files = readdirSync(lists).sort();
  const rel = files.find((f) => f.endsWith(`_dists_${release}_InRelease`)) ?? files.find((f) => f.endsWith(`_dists_${release}_Release`));
  const pkgFiles = files.filter((f) => new RegExp(`_dists_${release}_main_binary-[a-z0-9]+_Packages(\\.[a-z0-9]+)?$`).test(f));
  if (!rel || pkgFiles.length === 0) throw new Error(`incomplete indices for ${release} in ${lists}`);
  // One architecture only: prefer amd64 (the official images are multi-arch, names do not differ by arch).
  const pkgFile = pkgFiles.find((f) => f.includes("_binary-amd64_")) ?? pkgFiles[0];
  const architecture = /_binary-([a-z0-9]+)_/.exec(pkgFile)![1];

  const releaseText = readFileSync(path.join(lists, rel), "utf8");
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, "m").exec(releaseText)?.[1].trim() ?? "";

  let archive = "";
  const sourcesList = path.join(dir, release, "sources.list");
  if (existsSync(sourcesList)) {
    const m = /^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+/m.exec(readFileSync(sourcesList, "utf8"));
    if (m) archive = m[1].replace(/\/$/, "");
  }
  if (!archive) archive = "http://" + rel.slice(0, rel.indexOf("_dists_")).replace(/_/g, "/");

  const packages = new Map<string, Stanza>();
  for (const f of parseControl(catFile(path.join(lists, pkgFile)), PACKAGE_FIELDS)) {
    const name = f.get("Package");
    const version = f.get("Version");
    if (!name || !version) continue;
    const prev = packages.get(name);
    if (prev && compareDebianVersions(prev.version, version) >= 0) continue;
    const source = (f.get("Source") ?? name).split(/\s+/)[0];
    packages.set(name, {
      name,
      version,
      installedSizeKiB: Number(f.get("Installed-Size") ?? 0) || 0,
      priority: f.get("Priority") ?? "optional",
      essential: (f.get("Essential") ?? "").toLowerCase() === "yes",
      section: (f.get("Section") ?? "").replace(/^main\//, ""),
      source,
      depends: [...parseRelation(f.get("Pre-Depends")), ...parseRelation(f.get("Depends"))],
      provides: parseRelation(f.get("Provides")).flat(),
    });
  }
  const providers = new Map<string, { name: string; version?: string }[]>();
  for (const p of [...packages.values()].sort((a, b) => cmp(a.name, b.name))) {
    for (const v of p.provides) {
      const list = providers.get(v.name) ?? [];
      if (!list.some((x) => x.name === p.name)) list.push({ name: p.name, version: v.op === "=" ? v.version : undefined });
      providers.set(v.name, list);
    }
  }
  return {
    release, archive, architecture, packages, providers,
    suite: field("Suite"), version: field("Version"), codename: field("Codename") || release, date: field("Date"),
  };
}

// ---------------------------------------------------------------------------
// Closure.

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
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

interface VirtualChoice { chosen: string; providers: string[]; rule: string }

interface PackageEntry {
  version: string;
  installedSizeKiB: number;
  depends: string[];
  priority: string;
  essential: boolean;
  section: string;
  source: string;
}

export interface ReleaseSnapshot {
  codename: string;
  suite: string;
  version: string;
  date: string;
  roots: { minbase: string[]; pythonSlim: string[]; full: string[]; validation: Record<string, string[]> };
  absent: string[];
  virtuals: Record<string, VirtualChoice>;
  unresolved: string[];
  packages: Record<string, PackageEntry>;
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
  const { packages, providers } = idx;
  const minbase = [...packages.values()]
    .filter((p) => p.priority === "required" || p.essential)
    .map((p) => p.name)
    .concat(MINBASE_EXTRA.filter((n) => packages.has(n)))
    .filter((n, i, all) => all.indexOf(n) === i)
    .sort(cmp);
  // Not filtered: a name missing from the index stays here and makes debian.test.ts fail.
  const pythonSlim = [...PYTHON_SLIM_RUNTIME[idx.release]].sort(cmp);
  const probes = RENAME_PROBES.filter((n) => packages.has(n));
  // Roots that steer virtual-package choices: the project's own names. The full image's and the seeds'
  // roots (below) are closed over too, but do not change which provider a knowledge package resolves to.
  const roots = new Set<string>([...minbase, ...pythonSlim, ...requested, ...probes]);

  const virtuals: Record<string, VirtualChoice> = {};
  const unresolved = new Set<string>();

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

  /** The real package satisfying one atom, or undefined. */
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
  const imageBase = new Set([...minbase, ...pythonSlim]);
  const resolveGroup = (group: Atom[]): string | undefined => {
    // apt treats a dependency as satisfied when an installed package meets it, directly or
    // through Provides: prefer what every python slim image already has (roots.minbase + roots.pythonSlim).
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

  // The full image's roots as the real packages apt installs: a name that is only virtual in this
  // release (libxslt-dev → libxslt1-dev; trixie's libncurses5-dev → libncurses-dev) becomes its
  // provider (recorded under `virtuals`); a name with no provider at all is left out (and is `absent`).
  const full = [
    ...new Set(FULL_IMAGE_ROOTS.map((n) => (packages.has(n) ? n : resolveAtom({ name: n }, false))).filter((n): n is string => !!n)),
  ].sort(cmp);
  const validation = Object.fromEntries(
    Object.entries(VALIDATION_ROOTS[idx.release] ?? {}).map(([k, names]) => [k, [...names].sort(cmp)]),
  );
  const closeOver = new Set<string>([...roots, ...full, ...Object.values(validation).flat()]);

  const out: Record<string, PackageEntry> = {};
  const queue: string[] = [];
  for (const name of [...closeOver].sort(cmp)) {
    if (packages.has(name)) queue.push(name);
    else {
      const r = resolveAtom({ name }, false); // a requested name that is only virtual: record its provider
      if (r) queue.push(r);
    }
  }
  while (queue.length) {
    const name = queue.shift()!;
    if (out[name]) continue;
    const p = packages.get(name)!;
    const deps = new Set<string>();
    for (const group of p.depends) {
      const r = resolveGroup(group);
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

  return {
    codename: idx.codename,
    suite: idx.suite,
    version: idx.version,
    date: idx.date,
    roots: { minbase, pythonSlim, full, validation },
    absent: [...everyName].filter((n) => !packages.has(n)).sort(cmp),
    virtuals: sortKeys(virtuals),
    unresolved: [...unresolved].sort(cmp),
    packages: sortKeys(out),
  };
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => cmp(a, b)));
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

// ---------------------------------------------------------------------------
// Deterministic serialisation: sorted keys, one line per package entry.

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => cmp(a, b))
        .map(([k, v]) => [k, stable(v)]),
    );
  }
  return value;
}
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

// ---------------------------------------------------------------------------

function main(argv: string[]): number {
  let dir = DEFAULT_INDEX_DIR;
  let out = SNAPSHOT_PATH;
  let weightsOut = WEIGHTS_PATH;
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--out") out = path.resolve(argv[++i]);
    else if (a === "--weights-out") weightsOut = path.resolve(argv[++i]);
    else if (a === "--check") check = true;
    else if (a === "-h" || a === "--help") {
      console.log("usage: tsx scripts/build-debian-snapshot.ts [DIR] [--out FILE] [--weights-out FILE] [--check]");
      return 0;
    } else if (a.startsWith("-")) {
      console.error(`unknown option ${a}`);
      return 2;
    } else dir = path.resolve(a);
  }
  const snapshot = buildSnapshot(dir);
  const text = serializeSnapshot(snapshot);
  const weightsText = serializeWeights(weightsFromSnapshot(snapshot));

  let missing = 0;
  for (const r of DEBIAN_RELEASES) {
    const rs = snapshot.releases[r];
    const names = knowledgeNames(r);
    const absent = [...new Set([...names, ...rs.roots.pythonSlim])].filter((n) => !rs.packages[n]).sort(cmp);
    missing += absent.length;
    console.log(
      `${r.padEnd(9)} ${rs.version.padEnd(6)} ${rs.date}  roots: ${names.length} knowledge/toolchain, ` +
        `${rs.roots.pythonSlim.length} python-slim, ${rs.roots.minbase.length} minbase  → ${Object.keys(rs.packages).length} packages, ` +
        `${Object.keys(rs.virtuals).length} virtuals resolved, ${rs.unresolved.length} unresolved`,
    );
    if (absent.length) console.log(`  MISSING in ${r} (not a real package there): ${absent.join(", ")}`);
    const fullNotReal = FULL_IMAGE_ROOTS.filter((n) => !rs.roots.full.includes(n)).map((n) =>
      rs.virtuals[n] ? `${n} (virtual → ${rs.virtuals[n].chosen})` : `${n} (no such package)`,
    );
    console.log(
      `  full image: ${rs.roots.full.length} roots` + (fullNotReal.length ? `; not real in ${r}: ${fullNotReal.join(", ")}` : "") +
        `; validation: ${Object.entries(rs.roots.validation).map(([k, v]) => `${k} (${v.join(", ")})`).join("; ") || "none"}`,
    );
    for (const u of rs.unresolved) console.log(`  unresolved: ${u}`);
  }
  console.log(`snapshot ${Buffer.byteLength(text)} bytes, weights ${Buffer.byteLength(weightsText)} bytes`);

  const outputs: [string, string][] = [[out, text], [weightsOut, weightsText]];
  if (check) {
    let stale = 0;
    for (const [file, content] of outputs) {
      const current = existsSync(file) ? readFileSync(file, "utf8") : "";
      if (current === content) console.log(`${path.relative(process.cwd(), file)} is up to date`);
      else {
        console.error(`${path.relative(process.cwd(), file)} is stale; rerun without --check`);
        stale++;
      }
    }
    return stale ? 1 : 0;
  }
  for (const [file, content] of outputs) {
    writeFileSync(file, content);
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
  if (missing) console.warn(`warning: ${missing} knowledge/toolchain/python-slim name(s) missing; lib/knowledge/debian.test.ts will fail`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
