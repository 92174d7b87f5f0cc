/**
 * Locating and reading one release's index files in the private apt state scripts/fetch-debian-indices.sh writes:
 *   DIR/<release>/sources.list, DIR/<release>/lists/ (InRelease, Packages, Sources, Contents-amd64, Contents-all),
 *   DIR/<release>/dh-python/root/ (the release's dh-python package, unpacked).
 * Index files are decompressed with apt-helper cat-file, which reads every compression apt writes.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { DebianRelease } from "../../lib/knowledge/types";
import { type Atom, type BuildAtom, parseBuildRelation, parseControl, parseRelation } from "./control";
import { cmp } from "./order";
import { compareDebianVersions } from "./version";

export interface Stanza {
  name: string;
  version: string;
  /** "all" for Architecture: all, else the index's architecture. */
  architecture: string;
  installedSizeKiB: number;
  priority: string;
  essential: boolean;
  section: string;
  source: string;
  /** Pre-Depends then Depends. */
  depends: Atom[][];
  provides: Atom[];
  /** The .deb in the archive (pool/...), its size in bytes and SHA256: Packages is verified against InRelease. */
  filename: string;
  size: number;
  sha256: string;
}

export interface ReleaseIndex {
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

export interface SourceStanza {
  name: string;
  version: string;
  binaries: string[];
  /** Build-Depends then Build-Depends-Arch (what building the architecture-dependent binaries needs). */
  buildDepends: BuildAtom[][];
}

const PACKAGE_FIELDS = new Set([
  "Package", "Version", "Architecture", "Installed-Size", "Priority", "Essential", "Section", "Source", "Depends", "Pre-Depends", "Provides",
  "Filename", "Size", "SHA256",
]);
const SOURCE_FIELDS = new Set(["Package", "Version", "Binary", "Build-Depends", "Build-Depends-Arch"]);

const DECOMPRESS: Record<string, string[]> = {
  ".lz4": ["lz4", "-dc"], ".gz": ["gzip", "-dc"], ".xz": ["xz", "-dc"], ".zst": ["zstd", "-dc"], ".bz2": ["bzip2", "-dc"],
};
const APT_HELPER = "/usr/lib/apt/apt-helper";

/** The command that writes a (possibly compressed) index file to stdout. */
function catCommand(file: string): string[] {
  if (existsSync(APT_HELPER)) return [APT_HELPER, "cat-file", file];
  return [...(DECOMPRESS[path.extname(file)] ?? ["cat"]), file];
}

export function catFile(file: string): string {
  const [cmd, ...args] = catCommand(file);
  const r = spawnSync(cmd, args, { maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`cannot decompress ${file}: ${r.stderr || r.error}`);
  return r.stdout.toString("utf8");
}

/**
 * The lines of a (possibly compressed) index file that match an extended regular expression, filtered by grep
 * on the way: a Contents index is half a gigabyte decompressed, more than one string can hold.
 */
export function grepFile(file: string, ere: string): string {
  const cat = catCommand(file).map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
  const r = spawnSync("bash", ["-o", "pipefail", "-c", `${cat} | grep -E -- "$1"`, "grep-file", ere], { maxBuffer: 1 << 28 });
  // grep exits 1 when nothing matched; anything else failing is an error.
  if (r.status !== 0 && !(r.status === 1 && r.stdout.length === 0 && r.stderr.length === 0)) {
    throw new Error(`cannot read ${file}: ${r.stderr || r.error}`);
  }
  return r.stdout.toString("utf8");
}

export function listsDir(dir: string, release: DebianRelease): string {
  const lists = path.join(dir, release, "lists");
  if (!existsSync(lists)) throw new Error(`no indices for ${release} in ${lists}; run scripts/fetch-debian-indices.sh ${dir}`);
  return lists;
}

/** The file in lists/ for one index target of the release ("InRelease", "main_binary-amd64_Packages", ...). */
export function findIndexFile(dir: string, release: DebianRelease, target: RegExp): string | undefined {
  const lists = listsDir(dir, release);
  const name = readdirSync(lists).sort().find((f) => target.test(f));
  return name === undefined ? undefined : path.join(lists, name);
}

export function releaseFile(dir: string, release: DebianRelease): string {
  const f =
    findIndexFile(dir, release, new RegExp(`_dists_${release}_InRelease$`)) ??
    findIndexFile(dir, release, new RegExp(`_dists_${release}_Release$`));
  if (!f) throw new Error(`no InRelease for ${release} in ${listsDir(dir, release)}`);
  return f;
}

/** A field of the release's InRelease ("Date", "Version", ...), "" when absent. */
export function releaseField(dir: string, release: DebianRelease, name: string): string {
  const text = readFileSync(releaseFile(dir, release), "utf8");
  return new RegExp(`^${name}:\\s*(.*)$`, "m").exec(text)?.[1].trim() ?? "";
}

export function loadReleaseIndex(dir: string, release: DebianRelease): ReleaseIndex {
  const lists = listsDir(dir, release);
  const files = readdirSync(lists).sort();
  const rel = path.basename(releaseFile(dir, release));
  const pkgFiles = files.filter((f) => new RegExp(`_dists_${release}_main_binary-[a-z0-9]+_Packages(\\.[a-z0-9]+)?$`).test(f));
  if (pkgFiles.length === 0) throw new Error(`incomplete indices for ${release} in ${lists}`);
  // One architecture only: prefer amd64 (the official images are multi-arch, names do not differ by arch).
  const pkgFile = pkgFiles.find((f) => f.includes("_binary-amd64_")) ?? pkgFiles[0];
  const architecture = /_binary-([a-z0-9]+)_/.exec(pkgFile)![1];

  let archive = "";
  const sourcesList = path.join(dir, release, "sources.list");
  if (existsSync(sourcesList)) {
    const m = /^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+/m.exec(readFileSync(sourcesList, "utf8"));
    if (m) archive = m[1].replace(/\/$/, "");
  }
  if (!archive) archive = "http://" + rel.slice(0, rel.indexOf("_dists_")).replace(/_/g, "/");

  const packages = parsePackages(catFile(path.join(lists, pkgFile)));
  const providers = new Map<string, { name: string; version?: string }[]>();
  for (const p of [...packages.values()].sort((a, b) => cmp(a.name, b.name))) {
    for (const v of p.provides) {
      const list = providers.get(v.name) ?? [];
      if (!list.some((x) => x.name === p.name)) list.push({ name: p.name, version: v.op === "=" ? v.version : undefined });
      providers.set(v.name, list);
    }
  }
  const field = (name: string) => releaseField(dir, release, name);
  return {
    release, archive, architecture, packages, providers,
    suite: field("Suite"), version: field("Version"), codename: field("Codename") || release, date: field("Date"),
  };
}

/** A Packages index: the highest version of each package name. */
export function parsePackages(text: string): Map<string, Stanza> {
  const packages = new Map<string, Stanza>();
  for (const f of parseControl(text, PACKAGE_FIELDS)) {
    const name = f.get("Package");
    const version = f.get("Version");
    if (!name || !version) continue;
    const prev = packages.get(name);
    if (prev && compareDebianVersions(prev.version, version) >= 0) continue;
    const source = (f.get("Source") ?? name).split(/\s+/)[0];
    packages.set(name, {
      name,
      version,
      architecture: f.get("Architecture") ?? "",
      installedSizeKiB: Number(f.get("Installed-Size") ?? 0) || 0,
      priority: f.get("Priority") ?? "optional",
      essential: (f.get("Essential") ?? "").toLowerCase() === "yes",
      section: (f.get("Section") ?? "").replace(/^main\//, ""),
      source,
      depends: [...parseRelation(f.get("Pre-Depends")), ...parseRelation(f.get("Depends"))],
      provides: parseRelation(f.get("Provides")).flat(),
      filename: f.get("Filename") ?? "",
      size: Number(f.get("Size") ?? 0) || 0,
      sha256: (f.get("SHA256") ?? "").toLowerCase(),
    });
  }
  return packages;
}

/** A Sources index: the highest version of each source package. */
export function parseSources(text: string): Map<string, SourceStanza> {
  const sources = new Map<string, SourceStanza>();
  for (const f of parseControl(text, SOURCE_FIELDS)) {
    const name = f.get("Package");
    const version = f.get("Version");
    if (!name || !version) continue;
    const prev = sources.get(name);
    if (prev && compareDebianVersions(prev.version, version) >= 0) continue;
    sources.set(name, {
      name,
      version,
      binaries: (f.get("Binary") ?? "").split(/[,\s]+/).filter(Boolean),
      buildDepends: [...parseBuildRelation(f.get("Build-Depends")), ...parseBuildRelation(f.get("Build-Depends-Arch"))],
    });
  }
  return sources;
}

export function loadSources(dir: string, release: DebianRelease): Map<string, SourceStanza> {
  const f = findIndexFile(dir, release, new RegExp(`_dists_${release}_main_source_Sources(\\.[a-z0-9]+)?$`));
  if (!f) throw new Error(`no Sources index for ${release} in ${listsDir(dir, release)}`);
  return parseSources(catFile(f));
}

/** Contents lines of program paths: /usr/bin, /usr/sbin, /bin, /sbin (Contents paths have no leading "/"). */
export const PROGRAM_PATHS = "^(usr/)?s?bin/";

/**
 * Contents index lines ("path   section/pkg,section/pkg") → package → the paths it installs, sorted.
 * A path may contain spaces; the package list is the last whitespace-separated column.
 */
export function parseContents(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of text.split("\n")) {
    const m = /^(.*\S)\s+(\S+)$/.exec(line);
    if (!m || m[1] === "FILE") continue;
    for (const qualified of m[2].split(",")) {
      const pkg = qualified.slice(qualified.lastIndexOf("/") + 1);
      const list = out.get(pkg) ?? [];
      list.push(m[1]);
      out.set(pkg, list);
    }
  }
  for (const list of out.values()) list.sort(cmp);
  return out;
}

/** The Contents files of a release (Contents-<arch> and Contents-all), undefined when either is missing. */
export function contentsFiles(dir: string, release: DebianRelease, arch = "amd64"): string[] | undefined {
  const files = [arch, "all"].map((a) => findIndexFile(dir, release, new RegExp(`_dists_${release}_main_Contents-${a}(\\.[a-z0-9]+)?$`)));
  return files.every((f): f is string => f !== undefined) ? files : undefined;
}

/** The program paths of every package of the release, from its Contents indices. */
export function loadPrograms(files: readonly string[]): Map<string, string[]> {
  return parseContents(files.map((f) => grepFile(f, PROGRAM_PATHS)).join("\n"));
}

export interface DhPythonMapping {
  /** The dh-python package version the mapping comes from. */
  version: string;
  /** dh-python's dist/cpython3_fallback: "DistName debian-package [constraint]" lines. */
  text: string;
}

/** dh-python's PyPI-dist-name → Debian-package fallback mapping, from the release's dh-python package. */
export function loadDhPython(dir: string, release: DebianRelease): DhPythonMapping {
  const root = path.join(dir, release, "dh-python");
  const deb = existsSync(root) ? readdirSync(root).sort().find((f) => /^dh-python_.+_all\.deb$/.test(f)) : undefined;
  const file = path.join(root, "root", "usr", "share", "dh-python", "dist", "cpython3_fallback");
  if (!deb || !existsSync(file)) throw new Error(`no dh-python for ${release} in ${root}; run scripts/fetch-debian-indices.sh ${dir}`);
  // File names carry the version with ":" escaped as "%3a".
  const version = decodeURIComponent(deb.replace(/^dh-python_/, "").replace(/_all\.deb$/, ""));
  return { version, text: readFileSync(file, "utf8") };
}
