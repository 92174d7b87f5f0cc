/**
 * Write the table of program paths read from the .deb files (scripts/debian/data/deb-scripts-<release>.json) for a
 * release whose Contents index apt could not verify. scripts/derive-knowledge.ts reads it instead of Contents.
 *
 *   npm run data:deb-scripts -- [DIR] [--release R]... [--jobs N] [--cache DIR] [--out DIR] [--only PKG,PKG]
 *
 * DIR (default .cache/debian) is what scripts/fetch-debian-indices.sh writes. Releases: the ones given, else every
 * release without a verified Contents index in DIR. Per release it lists the .deb of every python3-* binary and of
 * every derived entry's package (an application dh-python maps, such as mitmproxy), from the archive the fetch used
 * (DIR/<release>/sources.list): download, check size and SHA256 against the Packages stanza, list with dpkg-deb,
 * delete the .deb. Listings are cached by SHA256 under --cache (default .cache/deb-listings/<release>/, gitignored),
 * so an interrupted run resumes and a rerun downloads only what Packages changed. --only restricts to some packages
 * (a sample; use with --out to keep the committed table whole).
 */
import { createHash } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { pathToFileURL } from "node:url";
import { DEBIAN_RELEASES, type DebianRelease } from "../lib/knowledge/types";
import { DEB_SCRIPTS_METHOD, type DebScriptsRow, type DebScriptsTable, listDeb, programPathsOfListing, serializeDebScripts } from "./debian/deb-scripts";
import { contentsFiles, loadReleaseIndex, type Stanza } from "./debian/indices";
import { cmp } from "./debian/order";
import { DEB_SCRIPTS_DIR, DEFAULT_INDEX_DIR, REPO_ROOT, debScriptsFile } from "./debian/paths";
import { deriveFromIndices } from "./derive-knowledge";

const ATTEMPTS = 3;
/** A stalled connection is retried rather than waited on forever; the largest .debs take seconds at archive speed. */
const DOWNLOAD_TIMEOUT_MS = 300_000;

/** The binaries whose .debs are listed: every python3-* binary and every derived entry's package, sorted. */
export function debsToList(packages: ReadonlyMap<string, Stanza>, entryPackages: Iterable<string>): Stanza[] {
  const names = new Set([...packages.keys()].filter((n) => n.startsWith("python3-")));
  for (const n of entryPackages) names.add(n);
  return [...names].sort(cmp).map((n) => {
    const p = packages.get(n);
    if (!p) throw new Error(`${n} is no package of the index`);
    if (!p.filename || !/^[0-9a-f]{64}$/.test(p.sha256)) throw new Error(`${n}: its Packages stanza has no Filename or SHA256`);
    return p;
  });
}

export interface Stats { downloaded: number; bytes: number; cached: number; failed: string[] }

/** Download one .deb into `partial`, checking its size and SHA256 against the stanza; returns the file. */
async function download(archive: string, p: Stanza, partial: string): Promise<string> {
  const file = path.join(partial, path.basename(p.filename));
  const res = await fetch(`${archive}/${p.filename}`, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
  const hash = createHash("sha256");
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(Readable.fromWeb(res.body as import("node:stream/web").ReadableStream), tap, createWriteStream(file));
  const sha = hash.digest("hex");
  if (size !== p.size || sha !== p.sha256) {
    rmSync(file, { force: true });
    throw new Error(`got ${size} bytes with SHA256 ${sha}; Packages says ${p.size} bytes, ${p.sha256}`);
  }
  return file;
}

/** The `tar -t` listing of one .deb: from the cache, else downloaded, verified, listed and deleted. */
export async function debListing(archive: string, p: Stanza, cache: string, stats: Stats): Promise<string> {
  const cached = path.join(cache, `${p.sha256}.list`);
  if (existsSync(cached)) {
    stats.cached++;
    return readFileSync(cached, "utf8");
  }
  const partial = path.join(cache, "partial");
  let lastError: unknown;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      const deb = await download(archive, p, partial);
      try {
        const text = await listDeb(deb);
        // Written under a temporary name and renamed: an interrupted run never leaves a half listing in the cache.
        writeFileSync(cached + ".tmp", text);
        renameSync(cached + ".tmp", cached);
        stats.downloaded++;
        stats.bytes += p.size;
        return text;
      } finally {
        rmSync(deb, { force: true });
      }
    } catch (e) {
      lastError = e;
    }
  }
  throw new Error(`${p.name}: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
}

/** Run `work` over `items` with at most `jobs` at once, in any order. */
async function pool<T>(items: readonly T[], jobs: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
}

export async function buildTable(dir: string, release: DebianRelease, opts: { jobs: number; cache: string; only?: ReadonlySet<string> }): Promise<{ table: DebScriptsTable; stats: Stats }> {
  const derived = deriveFromIndices(dir, release);
  const index = loadReleaseIndex(dir, release);
  const entryPackages = Object.values(derived.shards).flatMap((s) => Object.values(s).map((e) => e.debian.package));
  let debs = debsToList(index.packages, entryPackages);
  if (opts.only) debs = debs.filter((p) => opts.only!.has(p.name));
  const cache = path.join(opts.cache, release);
  mkdirSync(path.join(cache, "partial"), { recursive: true });
  const stats: Stats = { downloaded: 0, bytes: 0, cached: 0, failed: [] };
  const rows: Record<string, DebScriptsRow> = {};
  let done = 0;
  await pool(debs, opts.jobs, async (p) => {
    try {
      rows[p.name] = { version: p.version, sha256: p.sha256, programs: programPathsOfListing(await debListing(index.archive, p, cache, stats)) };
    } catch (e) {
      stats.failed.push(e instanceof Error ? e.message : String(e));
    }
    if (++done % 500 === 0) console.log(`${release}: ${done}/${debs.length} (${stats.downloaded} downloaded, ${(stats.bytes / 1e6).toFixed(0)} MB)`);
  });
  return { table: { release, archive: index.archive, date: index.date, method: DEB_SCRIPTS_METHOD, packages: rows }, stats };
}

export async function main(argv: string[]): Promise<number> {
  let dir = DEFAULT_INDEX_DIR;
  let out = DEB_SCRIPTS_DIR;
  let cache = path.join(REPO_ROOT, ".cache", "deb-listings");
  let jobs = 4;
  let only: Set<string> | undefined;
  let outGiven = false;
  const releases: DebianRelease[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--release") {
      const r = argv[++i] as DebianRelease;
      if (!DEBIAN_RELEASES.includes(r)) throw new Error(`--release: one of ${DEBIAN_RELEASES.join(", ")}`);
      releases.push(r);
    } else if (a === "--jobs") jobs = Math.max(1, Number(argv[++i]) || 1);
    else if (a === "--cache") cache = path.resolve(argv[++i]);
    else if (a === "--out") {
      out = path.resolve(argv[++i]);
      outGiven = true;
    }
    else if (a === "--only") only = new Set(argv[++i].split(",").filter(Boolean));
    else if (a === "-h" || a === "--help") {
      console.log("usage: tsx scripts/deb-scripts.ts [DIR] [--release R]... [--jobs N] [--cache DIR] [--out DIR] [--only PKG,PKG]");
      return 0;
    } else if (a.startsWith("-")) {
      console.error(`unknown option ${a}`);
      return 2;
    } else dir = path.resolve(a);
  }
  if (only && !outGiven) {
    console.error("--only writes a partial table: give --out DIR so the committed one stays whole");
    return 2;
  }
  if (releases.length === 0) releases.push(...DEBIAN_RELEASES.filter((r) => contentsFiles(dir, r) === undefined));
  if (releases.length === 0) console.log("every release has a verified Contents index: nothing to list");
  let status = 0;
  for (const release of releases) {
    const started = performance.now();
    const { table, stats } = await buildTable(dir, release, { jobs, cache, only });
    const seconds = (performance.now() - started) / 1000;
    const file = debScriptsFile(release, out);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, serializeDebScripts(table));
    const withScripts = Object.values(table.packages).filter((r) => r.programs.some((p) => p.startsWith("usr/bin/"))).length;
    console.log(
      `${release}: ${Object.keys(table.packages).length} .deb files listed (${stats.downloaded} downloaded, ` +
        `${stats.bytes} bytes, ${stats.cached} from the cache) in ${seconds.toFixed(1)} s; ${withScripts} install something in usr/bin; ` +
        `wrote ${path.relative(process.cwd(), file)}`,
    );
    if (stats.failed.length) {
      status = 1;
      console.error(`${release}: ${stats.failed.length} failed (their scripts stay unknown):\n  ${stats.failed.sort(cmp).join("\n  ")}`);
    }
  }
  return status;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exitCode = 1;
    },
  );
}
