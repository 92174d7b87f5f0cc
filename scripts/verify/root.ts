/**
 * Debian roots for the verification scripts: a cached `debootstrap --variant=minbase` root per release with what
 * python:*-slim keeps plus Debian's python3, throwaway overlayfs layers on top of it, and commands run in them
 * with chroot. Needs root, debootstrap and overlayfs; `canRun()` says which one is missing.
 */
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEBIAN_SNAPSHOT } from "../../lib/knowledge/debian";
import { DEBIAN_RELEASES, type DebianRelease } from "../../lib/knowledge/types";
import { ownerIndex } from "./parse";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Everything downloaded or built lives here (gitignored), or where WHEELWRIGHT_VERIFY_CACHE points. */
export const CACHE_DIR = process.env.WHEELWRIGHT_VERIFY_CACHE ?? path.join(REPO_ROOT, ".cache", "verify");
export const MIRROR = process.env.WHEELWRIGHT_DEBIAN_MIRROR ?? "http://deb.debian.org/debian";
const SECURITY_MIRROR = process.env.WHEELWRIGHT_DEBIAN_SECURITY_MIRROR ?? "http://deb.debian.org/debian-security";
/** A root older than this is rebuilt, so the check runs on what the archive serves now. */
const MAX_AGE_DAYS = Number(process.env.WHEELWRIGHT_VERIFY_MAX_AGE_DAYS ?? 7);
/** Bump when the root's recipe changes, so old caches are rebuilt. */
const ROOT_FORMAT = 1;
/** dpkg's status as it was before Debian's python3 went in: the python:*-slim package set. */
export const IMAGE_BASE_STATUS = "var/lib/wheelwright/status-image-base";

export interface RootMeta {
  format: number;
  release: DebianRelease;
  created: string;
  /** Packages of the bare minbase root (what debian:<release>-slim starts from). */
  minbase: string[];
  /** minbase plus what python:*-slim keeps (lib/knowledge debian snapshot roots.pythonSlim) and their dependencies. */
  imageBase: string[];
  /** Everything in the root once Debian's python3 is installed. */
  all: string[];
  python3: string;
  archiveDate: string;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function run(cmd: string, args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: opts.env ?? process.env, stdio: [opts.input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d) => (stdout += d));
    child.stderr!.on("data", (d) => (stderr += d));
    child.on("error", (e) => resolve({ code: 127, stdout, stderr: stderr + String(e) }));
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
    if (child.stdin) {
      child.stdin.on("error", () => {}); // a command that exits without reading its input
      child.stdin.end(opts.input);
    }
  });
}

export async function must(cmd: string, args: string[], opts: { input?: string } = {}): Promise<string> {
  const r = await run(cmd, args, opts);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.code}: ${(r.stderr || r.stdout).trim().split("\n").slice(-5).join(" | ")}`);
  return r.stdout;
}

const CHROOT_ENV = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8", "DEBIAN_FRONTEND=noninteractive", "HOME=/root"];

/** A command inside a root, with a clean environment. */
export function inRoot(dir: string, argv: string[], input?: string): Promise<RunResult> {
  return run("chroot", [dir, "/usr/bin/env", "-i", ...CHROOT_ENV, ...argv], { input });
}

export async function mustInRoot(dir: string, argv: string[], input?: string): Promise<string> {
  const r = await inRoot(dir, argv, input);
  if (r.code !== 0) throw new Error(`[chroot] ${argv.join(" ")} exited ${r.code}: ${(r.stderr || r.stdout).trim().split("\n").slice(-5).join(" | ")}`);
  return r.stdout;
}

/** Why this machine cannot run the verification, or null when it can. */
export function canRun(): string | null {
  if (process.getuid?.() !== 0) return "not root (debootstrap, chroot and overlay mounts need root)";
  if (spawnSync("sh", ["-c", "command -v debootstrap"], { stdio: "ignore" }).status !== 0) return "debootstrap is not installed";
  const fs = readFileSync("/proc/filesystems", "utf8");
  if (!/\boverlay\b/.test(fs)) {
    spawnSync("modprobe", ["overlay"], { stdio: "ignore" });
    if (!/\boverlay\b/.test(readFileSync("/proc/filesystems", "utf8"))) return "the kernel has no overlayfs";
  }
  // A real mount, since containers often forbid it even to root.
  const probe = path.join(CACHE_DIR, "work", `probe-${process.pid}`);
  for (const d of ["lower", "upper", "work", "merged"]) mkdirSync(path.join(probe, d), { recursive: true });
  const m = spawnSync("mount", ["-t", "overlay", "overlay", "-o", `lowerdir=${probe}/lower,upperdir=${probe}/upper,workdir=${probe}/work`, `${probe}/merged`], { encoding: "utf8" });
  if (m.status === 0) spawnSync("umount", [`${probe}/merged`]);
  rmSync(probe, { recursive: true, force: true });
  return m.status === 0 ? null : `overlay mounts are not permitted here (${(m.stderr || "").trim()})`;
}

function dpkgList(rootfs: string): string[] {
  const r = spawnSync("dpkg-query", [`--admindir=${rootfs}/var/lib/dpkg`, "-W", "-f", "${db:Status-Abbrev} ${Package}\n"], { encoding: "utf8" });
  return r.stdout
    .split("\n")
    .filter((l) => l.startsWith("ii"))
    .map((l) => l.split(" ").pop()!)
    .sort();
}

/** Installed packages of a root (or a mounted overlay), from its dpkg database. */
export const installedPackages = dpkgList;

/** path → owning package, from a root's dpkg file lists. */
export function ownersOf(rootfs: string): Map<string, string> {
  const info = path.join(rootfs, "var/lib/dpkg/info");
  const lists: [string, string][] = readdirSync(info)
    .filter((f) => f.endsWith(".list"))
    .map((f) => [f, readFileSync(path.join(info, f), "utf8")]);
  return ownerIndex(lists);
}

export function rootDir(release: DebianRelease): string {
  return path.join(CACHE_DIR, "roots", release);
}

function sourcesList(release: DebianRelease): string {
  return [
    `deb ${MIRROR} ${release} main`,
    `deb ${MIRROR} ${release}-updates main`,
    `deb ${SECURITY_MIRROR} ${release}-security main`,
    "",
  ].join("\n");
}

function archiveDate(rootfs: string, release: DebianRelease): string {
  const lists = path.join(rootfs, "var/lib/apt/lists");
  const f = readdirSync(lists).find((n) => n.endsWith(`_dists_${release}_InRelease`));
  if (!f) return "unknown";
  const m = /^Date: (.+)$/m.exec(readFileSync(path.join(lists, f), "utf8"));
  return m ? new Date(m[1]).toISOString().replace(/\.\d{3}Z$/, "Z") : "unknown";
}

/**
 * The cached base root of a release, built when absent, older than MAX_AGE_DAYS or of an older recipe:
 * minbase, then python:*-slim's runtime set, then Debian's python3 (recorded at each step), apt lists kept so
 * overlays can install from them. Logs go to `log`.
 */
export async function ensureRoot(release: DebianRelease, log: (s: string) => void, refresh = false): Promise<{ rootfs: string; meta: RootMeta }> {
  const dir = rootDir(release);
  const metaPath = path.join(dir, "meta.json");
  if (!refresh && existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, "utf8")) as RootMeta;
    const ageDays = (Date.now() - Date.parse(meta.created)) / 86_400_000;
    if (meta.format === ROOT_FORMAT && ageDays < MAX_AGE_DAYS) {
      const rootfs = path.join(dir, "rootfs");
      // apt's binary caches make every apt call in an overlay start in a fraction of a second.
      if (!existsSync(path.join(rootfs, "var/cache/apt/pkgcache.bin"))) await mustInRoot(rootfs, ["apt-cache", "gencaches"]);
      return { rootfs, meta };
    }
    log(`${release}: cached root is ${ageDays.toFixed(1)} days old or of an older recipe: rebuilding`);
  }
  const tmp = `${dir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const rootfs = path.join(tmp, "rootfs");
  log(`${release}: debootstrap --variant=minbase (a few minutes)`);
  await must("debootstrap", ["--variant=minbase", release, rootfs, MIRROR]);
  const minbase = dpkgList(rootfs);
  writeFileSync(path.join(rootfs, "etc/apt/sources.list"), sourcesList(release));
  // No service may start inside the root.
  writeFileSync(path.join(rootfs, "usr/sbin/policy-rc.d"), "#!/bin/sh\nexit 101\n", { mode: 0o755 });
  await mustInRoot(rootfs, ["apt-get", "update", "-q"]);
  await mustInRoot(rootfs, ["apt-get", "-y", "-q", "upgrade"]);
  const slim = DEBIAN_SNAPSHOT.releases[release].roots.pythonSlim;
  log(`${release}: python:*-slim runtime set (${slim.length} packages), then Debian's python3`);
  await mustInRoot(rootfs, ["apt-get", "install", "-y", "-q", "--no-install-recommends", ...slim]);
  const imageBase = dpkgList(rootfs);
  // apt can then answer "what would the final stage install on python:*-slim" without Debian's python3 in the way.
  mkdirSync(path.join(rootfs, "var/lib/wheelwright"), { recursive: true });
  copyFileSync(path.join(rootfs, "var/lib/dpkg/status"), path.join(rootfs, IMAGE_BASE_STATUS));
  await mustInRoot(rootfs, ["apt-get", "install", "-y", "-q", "--no-install-recommends", "python3"]);
  await mustInRoot(rootfs, ["apt-get", "clean"]);
  await mustInRoot(rootfs, ["apt-cache", "gencaches"]);
  const python3 = (await mustInRoot(rootfs, ["dpkg-query", "-W", "-f", "${Version}", "python3"])).trim();
  const meta: RootMeta = {
    format: ROOT_FORMAT,
    release,
    created: new Date().toISOString(),
    minbase,
    imageBase,
    all: dpkgList(rootfs),
    python3,
    archiveDate: archiveDate(rootfs, release),
  };
  writeFileSync(path.join(tmp, "meta.json"), JSON.stringify(meta, null, 2) + "\n");
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return { rootfs: path.join(dir, "rootfs"), meta };
}

/** A writable overlay over `lowers` (topmost first). Call `close()` to unmount and delete it. */
export interface Layer {
  merged: string;
  upper: string;
  close(keepUpper?: boolean): Promise<void>;
}

let layerCount = 0;
const openLayers = new Set<string>();

export async function openLayer(lowers: string[], label: string): Promise<Layer> {
  const base = path.join(CACHE_DIR, "work", `${process.pid}-${++layerCount}-${label}`);
  const upper = path.join(base, "upper");
  const work = path.join(base, "work");
  const merged = path.join(base, "merged");
  for (const d of [upper, work, merged]) mkdirSync(d, { recursive: true });
  await must("mount", ["-t", "overlay", "overlay", "-o", `lowerdir=${lowers.join(":")},upperdir=${upper},workdir=${work}`, merged]);
  openLayers.add(merged);
  return {
    merged,
    upper,
    async close(keepUpper = false) {
      await run("umount", [merged]);
      openLayers.delete(merged);
      rmSync(work, { recursive: true, force: true });
      rmSync(merged, { recursive: true, force: true });
      if (!keepUpper) rmSync(base, { recursive: true, force: true });
    },
  };
}

/** Unmounts whatever is still mounted (an interrupted run). */
export function closeAllLayers(): void {
  for (const m of openLayers) spawnSync("umount", ["-l", m]);
  openLayers.clear();
}

/** Downloaded .debs shared between runs, per release: hard-linked into a layer before apt runs, collected after. */
export function debCache(release: DebianRelease): string {
  const d = path.join(CACHE_DIR, "debs", release);
  mkdirSync(d, { recursive: true });
  return d;
}

export function seedDebs(release: DebianRelease, upper: string): void {
  const target = path.join(upper, "var/cache/apt/archives");
  mkdirSync(path.join(target, "partial"), { recursive: true });
  const cache = debCache(release);
  for (const f of readdirSync(cache)) {
    if (!f.endsWith(".deb")) continue;
    try {
      linkSync(path.join(cache, f), path.join(target, f));
    } catch {
      /* already there */
    }
  }
}

export function collectDebs(release: DebianRelease, upper: string): void {
  const source = path.join(upper, "var/cache/apt/archives");
  if (!existsSync(source)) return;
  const cache = debCache(release);
  for (const f of readdirSync(source)) {
    if (!f.endsWith(".deb")) continue;
    const to = path.join(cache, f);
    if (!existsSync(to)) linkSync(path.join(source, f), to);
    rmSync(path.join(source, f));
  }
}

/** A value computed once per cached root and kept in CACHE_DIR/memo (apt answers that do not change until the root does). */
export async function memo<T>(meta: RootMeta, key: string, compute: () => Promise<T>): Promise<T> {
  const dir = path.join(CACHE_DIR, "memo");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${meta.release}-${meta.created.replace(/[^0-9]/g, "")}.json`);
  const all: Record<string, T> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  if (key in all) return all[key];
  const value = await compute();
  // Re-read: another entry may have written meanwhile.
  const now: Record<string, T> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  now[key] = value;
  writeFileSync(`${file}.${process.pid}`, JSON.stringify(now));
  renameSync(`${file}.${process.pid}`, file);
  return value;
}

/** The release's Contents index (main, amd64), fetched once into the cache and refreshed with the root. */
export async function contentsFile(release: DebianRelease): Promise<string> {
  const dir = path.join(CACHE_DIR, "contents");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${release}-main-amd64.gz`);
  const fresh = existsSync(file) && (Date.now() - statSync(file).mtimeMs) / 86_400_000 < MAX_AGE_DAYS;
  if (!fresh) {
    await must("/usr/lib/apt/apt-helper", ["download-file", `${MIRROR}/dists/${release}/main/Contents-amd64.gz`, `${file}.part`]);
    renameSync(`${file}.part`, file);
  }
  return file;
}

/**
 * Runs `main` when `file` is the script node was started with; overlay layers are unmounted on an interrupt or a
 * crash, so a stopped run leaves no mounts behind.
 */
export function runWhenMain(file: string | undefined, main: (argv: string[]) => Promise<number>): void {
  if (!process.argv[1] || path.resolve(process.argv[1]) !== path.resolve(file ?? "")) return;
  for (const sig of ["SIGINT", "SIGTERM"] as const)
    process.on(sig, () => {
      closeAllLayers();
      process.exit(130);
    });
  main(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((e) => {
      closeAllLayers();
      console.error(e);
      process.exit(2);
    });
}

/** Every value given to `flag` (`--name a --name b`). */
export function argValues(argv: string[], flag: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) if (argv[i] === flag && argv[i + 1]) out.push(argv[++i]);
  return out;
}

/** The releases named by --release (bookworm and trixie when none is), each checked. */
export function releasesFrom(argv: string[]): DebianRelease[] {
  const named = argValues(argv, "--release");
  const releases = (named.length ? named : ["bookworm", "trixie"]) as DebianRelease[];
  for (const r of releases) if (!DEBIAN_RELEASES.includes(r)) throw new Error(`unknown release ${r}`);
  return releases;
}
