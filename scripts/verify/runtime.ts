/**
 * npm run verify:runtime — run the knowledge's final-stage lists against Debian's own compiled binaries.
 *
 * For every curated entry whose Debian python3-X package is compiled, per release: unpack that package's files into
 * an overlay on a cached minbase root holding python:*-slim's package set, Debian's python3 and exactly the
 * final-stage packages Wheelwright lists for a source build; import every extension module and ldd every shared
 * object; then remove each listed package in turn (dpkg --remove --force-depends, in a throwaway overlay) to see
 * whether it is needed. Writes lib/knowledge/verification/<release>.json (the build section is kept).
 *
 *   tsx scripts/verify/runtime.ts [--release bookworm]... [--only lxml,pillow] [--jobs 2] [--check] [--quick] [--refresh]
 *
 * --check: do not write the reports; exit 1 on a missing need (CI). --quick: ldd only, which alone decides a missing
 * need: no Python dependencies, no imports, no removal trials (those only find redundant packages and explain). Without root, debootstrap or overlay mounts it
 * prints one line saying so and exits 0.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { PACKAGES, type PackageKnowledge } from "../../lib/knowledge";
import type { DebianRelease } from "../../lib/knowledge/types";
import type { RuntimeVerification, VerificationReport } from "../../lib/knowledge/verification";
import { classifyUnresolved, isLibraryError, lookupContents, runCheck, unresolvedNeeds, type CheckInput, type CheckOutput } from "./check";
import { debianBinaryFor } from "./debian-map";
import { devLinkName, isSharedObject, moduleName, parseDebListing, parseSimulatedInstall, pythonDependencies } from "./parse";
import { sourceBuildLists } from "./plan";
import { METHOD, readReport, reportPath, summarize, writeReport } from "./report";
import {
  CACHE_DIR,
  IMAGE_BASE_STATUS,
  canRun,
  argValues,
  releasesFrom,
  runWhenMain,
  collectDebs,
  debCache,
  ensureRoot,
  inRoot,
  must,
  mustInRoot,
  openLayer,
  memo,
  ownersOf,
  seedDebs,
  type Layer,
  type RootMeta,
} from "./root";

export interface Context {
  release: DebianRelease;
  /**
   * true: only what decides a missing need (ldd of the shared objects against the allowed set): no Python
   * dependencies, no imports, no Debian-only context, no removal trials (they find redundant packages, never a missing one).
   */
  quick?: boolean;
  /**
   * true when the objects checked are Debian's build, not one made with the builder list: then a listed library the
   * builder list could link but the objects do not is unobservable rather than redundant.
   */
  debianBinary?: boolean;
  rootfs: string;
  meta: RootMeta;
  log: (s: string) => void;
}

const APT_INSTALL = ["apt-get", "install", "-y", "-q", "--no-install-recommends"];

/** What apt would install for `packages` on python:*-slim's package set (not on Debian's python3 root). */
export async function closureOnImageBase(rootfs: string, meta: RootMeta, packages: string[]): Promise<string[]> {
  if (packages.length === 0) return [];
  const list = [...packages].sort();
  return memo(meta, `closure ${list.join(" ")}`, async () => {
    // No cache files: the base root stays as built (the other status would make apt rewrite them).
    const out = await mustInRoot(rootfs, [
      "apt-get", "install", "--simulate", "-q", "--no-install-recommends",
      "-o", `Dir::State::status=/${IMAGE_BASE_STATUS}`, "-o", "Dir::Cache::pkgcache=", "-o", "Dir::Cache::srcpkgcache=",
      ...list,
    ]);
    return parseSimulatedInstall(out);
  });
}

interface DebInfo {
  package: string;
  version: string;
  depends: string;
  file: string;
}

export async function debInfo(rootfs: string, meta: RootMeta, pkg: string): Promise<DebInfo | null> {
  return memo(meta, `show ${pkg}`, () => debInfoUncached(rootfs, pkg));
}

async function debInfoUncached(rootfs: string, pkg: string): Promise<DebInfo | null> {
  const r = await inRoot(rootfs, ["apt-cache", "show", "--no-all-versions", pkg]);
  if (r.code !== 0 || !/^Package: /m.test(r.stdout)) return null;
  const field = (name: string) => new RegExp(`^${name}: (.*)$`, "m").exec(r.stdout)?.[1] ?? "";
  return { package: pkg, version: field("Version"), depends: [field("Pre-Depends"), field("Depends")].filter(Boolean).join(", "), file: path.basename(field("Filename")) };
}

/** The .deb of a package version from the shared cache, downloaded with the root's apt when absent. */
async function fetchDeb(ctx: Context, layer: Layer, info: DebInfo): Promise<string> {
  const cached = path.join(debCache(ctx.release), info.file);
  if (existsSync(cached)) return cached;
  // A fresh directory, so the one .deb in it is this one (apt spells an epoch's colon %3a in the file name).
  const dir = path.join(layer.merged, "tmp/wheelwright-download");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await mustInRoot(layer.merged, ["sh", "-c", `cd /tmp/wheelwright-download && apt-get download -q "$0"`, `${info.package}=${info.version}`]);
  const got = readdirSync(dir).filter((f) => f.endsWith(".deb"));
  if (got.length !== 1) throw new Error(`apt-get download ${info.package} gave ${got.length} files`);
  // The overlay is another filesystem: copy, then move into place within the cache.
  copyFileSync(path.join(dir, got[0]), `${cached}.part`);
  renameSync(`${cached}.part`, cached);
  rmSync(dir, { recursive: true, force: true });
  return cached;
}

function blank(k: PackageKnowledge, final: string[]): RuntimeVerification {
  return { name: k.name, status: "ok", debian: [], final, modules: 0, sharedObjects: 0, missing: [], needed: [], redundant: [], unobservable: [], inBase: [], debianOnly: [], details: [] };
}

function failedImports(out: CheckOutput): [string, string][] {
  return Object.entries(out.imports).filter((e): e is [string, string] => e[1] !== null);
}

/** Every soname the checked objects link directly. */
function directNeeds(out: CheckOutput): Set<string> {
  return new Set(Object.values(out.needed).flatMap((n) => n ?? []));
}

/**
 * Whether the check got worse than the baseline through a direct need: a module that imported no longer does
 * (unless the library it names is only a dependency of another library), or a directly linked library went missing.
 * A package needed only by another package's library is that package's Depends, which apt installs anyway.
 */
export function brokeAgainst(baseline: CheckOutput, now: CheckOutput): string | null {
  const direct = directNeeds(baseline);
  for (const [m, err] of Object.entries(now.imports)) {
    if (err === null || baseline.imports[m] !== null) continue;
    const lib = /^ImportError: (\S+?): cannot open shared object file/.exec(err)?.[1];
    if (lib && !direct.has(lib)) continue;
    return `import ${m}: ${err}`;
  }
  for (const [command, run] of Object.entries(now.runs)) {
    if (!run.ok && baseline.runs[command]?.ok) return `${command}: ${run.output}`;
  }
  for (const [file, lines] of Object.entries(now.ldd)) {
    const needs = baseline.needed[file];
    for (const l of lines) {
      if (l.path !== null || (needs && !needs.includes(l.soname))) continue;
      if (baseline.ldd[file]?.some((b) => b.soname === l.soname && b.path !== null)) return `${path.basename(file)}: ${l.soname} not found`;
    }
  }
  return null;
}

/** A package to install for a Debian-only link: a native (not multilib, not -dev) provider from the Contents index. */
function nativeProvider(providers: string[]): string | undefined {
  return providers.find((p) => !/^lib(32|x32|64|n32)/.test(p) && !p.endsWith("-dev"));
}

/** The sonames (file names under a lib directory) of the shared libraries a package ships. */
function sharedLibraries(owners: ReadonlyMap<string, string>, pkg: string): string[] {
  const names = new Set<string>();
  for (const [p, o] of owners) if (o === pkg && /\/lib\//.test(p) && /\.so\.\d+$/.test(p)) names.add(p.slice(p.lastIndexOf("/") + 1));
  return [...names].sort();
}

/** Of `sonames`, those the builder closure ships a link-time name for but the checked objects do not link. */
async function linkableUnlinked(release: DebianRelease, sonames: string[], builderClosure: ReadonlySet<string>, direct: ReadonlySet<string>): Promise<string[]> {
  const candidates = sonames.filter((s) => !direct.has(s));
  const providers = await lookupContents(release, candidates.map(devLinkName));
  return candidates.filter((s) => (providers.get(devLinkName(s)) ?? []).some((p) => builderClosure.has(p)));
}

export async function verifyEntry(ctx: Context, k: PackageKnowledge): Promise<RuntimeVerification> {
  const { release, rootfs, meta } = ctx;
  const lists = sourceBuildLists(k.name, release);
  const result = blank(k, lists.final);
  if (k.wheels.pure) return { ...result, status: "not-compiled", details: ["pure Python: nothing is compiled"] };
  const mapping = debianBinaryFor(k.name);
  if (mapping.notComparable) return { ...result, status: "not-runnable", details: [mapping.notComparable] };
  const infos: DebInfo[] = [];
  for (const pkg of mapping.packages) {
    const info = await debInfo(rootfs, meta, pkg);
    if (!info) return { ...result, status: "not-runnable", details: [`Debian ${release} main has no ${pkg}`] };
    infos.push(info);
  }
  if (infos.length === 0) return { ...result, status: "not-runnable", details: [mapping.source] };
  result.debian = infos.map((i) => ({ package: i.package, version: i.version }));

  const allowed = new Set([...meta.imageBase, ...(await closureOnImageBase(rootfs, meta, lists.final))]);
  const builderClosure = new Set([...lists.builder, ...(await closureOnImageBase(rootfs, meta, lists.builder))]);

  const entry = await openLayer([rootfs], k.name);
  let handed = false;
  try {
    seedDebs(release, entry.upper);
    if (lists.final.length) {
      const r = await inRoot(entry.merged, [...APT_INSTALL, ...lists.final]);
      if (r.code !== 0) return { ...result, status: "not-runnable", details: [`apt-get install of the final list failed: ${r.stderr.trim().split("\n").slice(-1)[0]}`] };
    }
    const own = infos.map((i) => i.package);
    const pyDeps = ctx.quick ? [] : [...new Set(infos.flatMap((i) => pythonDependencies(i.depends, own)))].sort();
    if (pyDeps.length) {
      // The Python packages the modules import (and their own libraries): context, never counted as the final list.
      const r = await inRoot(entry.merged, [...APT_INSTALL, ...pyDeps]);
      if (r.code !== 0) return { ...result, status: "not-runnable", details: [`apt-get install of the Python dependencies (${pyDeps.join(", ")}) failed: ${r.stderr.trim().split("\n").slice(-1)[0]}`] };
    }
    const files: string[] = [];
    for (const info of infos) {
      const deb = await fetchDeb(ctx, entry, info);
      await must("dpkg-deb", ["-x", deb, entry.merged]);
      files.push(...parseDebListing(await must("dpkg-deb", ["-c", deb])).filter(isSharedObject));
    }
    collectDebs(release, entry.upper);
    handed = true;
    return await judge(ctx, entry, files, lists, allowed, builderClosure, result, k.name, `${own.join(", ")} ship no shared object`, mapping.importFirst);
  } finally {
    if (!handed) await entry.close();
  }
}

/**
 * The check on an overlay that holds the package under test (its shared objects `files`) and the final list:
 * baseline import + ldd, classification of unresolved needs, then one removal trial per listed package.
 * Takes ownership of `entry` (unmounts and deletes it).
 */
export async function judge(
  ctx: Context,
  entry: Layer,
  files: string[],
  lists: { final: string[] },
  allowed: ReadonlySet<string>,
  builderClosure: ReadonlySet<string>,
  result: RuntimeVerification,
  label: string,
  nothingCompiled: string,
  importFirst: string[] = [],
  commands: string[][] = [],
): Promise<RuntimeVerification & { ran?: Record<string, string> }> {
  const { release, rootfs, meta } = ctx;
  let entryOpen = true;
  try {
    const modules = [...new Set(files.map(moduleName).filter((m): m is string => m !== null))].sort();
    result.modules = modules.length;
    result.sharedObjects = files.length;
    if (files.length === 0) return { ...result, status: "not-compiled", details: [nothingCompiled] };
    const input: CheckInput = ctx.quick ? { modules: [], files: files.sort() } : { first: importFirst, modules, files: files.sort(), commands };

    let baseline = await runCheck(entry.merged, input);
    let owners = ownersOf(entry.merged);
    const unresolved = unresolvedNeeds(baseline, owners, allowed);
    const { missing, debianOnly } = await classifyUnresolved(release, unresolved, builderClosure);
    result.missing = missing;
    result.debianOnly = debianOnly;
    const debianOnlyContext = [...new Set(debianOnly.map((d) => nativeProvider(d.providers)).filter((p): p is string => !!p))].sort();
    if (debianOnlyContext.length && !ctx.quick) {
      // Debian's binary links these where upstream does not: install them as context so the modules import and the
      // removal trials below can show what the listed packages do.
      const r = await inRoot(entry.merged, [...APT_INSTALL, ...debianOnlyContext]);
      if (r.code !== 0) result.details.push(`installing the Debian-only links (${debianOnlyContext.join(", ")}) failed: ${r.stderr.trim().split("\n").slice(-1)[0]}`);
      baseline = await runCheck(entry.merged, input);
      owners = ownersOf(entry.merged);
    }
    const failed = failedImports(baseline);
    for (const [m, err] of failed) result.details.push(`baseline import ${m} failed: ${err}`);
    if (failed.length === modules.length && modules.length > 0) {
      result.status = "not-runnable";
      result.details.unshift(`no module imports even with every listed package (${failed[0][1]})`);
      return result;
    }
    const ran = Object.fromEntries(Object.entries(baseline.runs).map(([c, r]) => [c, r.output]));
    const failedRuns = Object.entries(baseline.runs).filter(([, r]) => !r.ok);
    for (const [c, r] of failedRuns) result.details.push(`baseline ${c} failed: ${r.output}`);
    // A program that fails although nothing it links is missing: the check cannot tell what the list does.
    if (failedRuns.length && missing.length === 0) {
      result.status = "not-runnable";
      result.details.unshift(`${failedRuns[0][0]} fails even with every listed package`);
      return { ...result, ran };
    }
    for (const [c, r] of Object.entries(baseline.runs)) if (r.ok) result.details.push(`ran ${c}: ${r.output}`);
    if (failed.some(([, err]) => isLibraryError(err)) && missing.length === 0)
      result.details.push("an import failed on a shared library that ldd does not show (loaded at run time)");

    const direct = directNeeds(baseline);
    await entry.close(true);
    entryOpen = false;
    for (const pkg of ctx.quick ? [] : lists.final) {
      if (meta.imageBase.includes(pkg)) {
        result.inBase.push(pkg);
        continue;
      }
      const trial = await openLayer([entry.upper, rootfs], `${label}-without-${pkg}`);
      try {
        const r = await inRoot(trial.merged, ["dpkg", "--remove", "--force-depends", "--force-remove-essential", pkg]);
        if (r.code !== 0) {
          result.details.push(`dpkg --remove ${pkg} failed: ${r.stderr.trim().split("\n").slice(-1)[0]}`);
          continue;
        }
        const broke = brokeAgainst(baseline, await runCheck(trial.merged, input));
        if (broke) {
          result.needed.push(pkg);
          result.details.push(`without ${pkg}: ${broke}`);
          continue;
        }
        const libs = sharedLibraries(owners, pkg);
        if (libs.length === 0) {
          result.unobservable.push(pkg);
          result.details.push(`${pkg} ships no shared library: an import and ldd cannot show whether it is used`);
          continue;
        }
        // The builder list could link one of its libraries although this binary does not (Debian built it against
        // another flavour, or without that option): only a build with the builder list can tell.
        const linkable = ctx.debianBinary ? await linkableUnlinked(release, libs, builderClosure, direct) : [];
        if (linkable.length) {
          result.unobservable.push(pkg);
          result.details.push(`${pkg}: the builder list can link ${linkable.join(", ")}, which this binary does not link: see the build check`);
        } else result.redundant.push(pkg);
      } finally {
        await trial.close();
      }
    }
    result.status = missing.length ? "missing" : result.redundant.length ? "redundant" : "ok";
    return commands.length ? { ...result, ran } : result;
  } finally {
    if (entryOpen) await entry.close();
    else rmSync(path.dirname(entry.upper), { recursive: true, force: true });
  }
}

async function pool<T, R>(items: T[], jobs: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(jobs, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}

async function main(argv: string[]): Promise<number> {
  const releases = releasesFrom(argv);
  const only = argValues(argv, "--only").flatMap((s) => s.split(","));
  const jobs = Number(argValues(argv, "--jobs")[0] ?? 2);
  const check = argv.includes("--check");
  const why = canRun();
  if (why) {
    console.log(`verify:runtime skipped: ${why}`);
    return 0;
  }
  const entries = PACKAGES.filter((k) => only.length === 0 || only.includes(k.name));
  let failed = false;
  for (const release of releases) {
    const log = (s: string) => console.log(`[${release}] ${s}`);
    const t0 = Date.now();
    const { rootfs, meta } = await ensureRoot(release, log, argv.includes("--refresh"));
    log(`root ready in ${((Date.now() - t0) / 1000).toFixed(0)} s (python3 ${meta.python3}, archive ${meta.archiveDate}); cache ${CACHE_DIR}`);
    const ctx: Context = { release, rootfs, meta, log, quick: argv.includes("--quick"), debianBinary: true };
    const results = await pool(entries, jobs, async (k) => {
      const t = Date.now();
      let r: RuntimeVerification;
      try {
        r = await verifyEntry(ctx, k);
      } catch (e) {
        r = { ...blank(k, []), status: "not-runnable", details: [`the check itself failed: ${(e as Error).message}`] };
      }
      log(`${k.name}: ${r.status}${r.missing.length ? ` (missing ${r.missing.map((m) => m.soname).join(", ")})` : ""}${r.redundant.length ? ` (redundant ${r.redundant.join(", ")})` : ""} ${((Date.now() - t) / 1000).toFixed(0)} s`);
      return r;
    });
    const previous = readReport(release);
    const report: VerificationReport = {
      release,
      date: new Date().toISOString().slice(0, 10),
      debian: { python3: meta.python3, archiveDate: meta.archiveDate },
      method: METHOD,
      runtime: only.length && previous ? mergeRuntime(previous.runtime, results) : results,
      build: previous?.build ?? [],
    };
    console.log(summarize(report));
    if (!check) writeReport(report);
    log(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s${check ? "" : `; wrote ${path.relative(process.cwd(), reportPath(release))}`}`);
    if (results.some((r) => r.status === "missing")) failed = true;
    // A check that crashed proves nothing either way: CI must not read it as a pass.
    const crashed = results.filter((r) => r.details.some((d) => d.startsWith("the check itself failed")));
    if (check && crashed.length) {
      log(`the check crashed for ${crashed.map((r) => r.name).join(", ")}`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

function mergeRuntime(previous: RuntimeVerification[], fresh: RuntimeVerification[]): RuntimeVerification[] {
  const by = new Map(previous.map((r) => [r.name, r]));
  for (const r of fresh) by.set(r.name, r);
  return [...by.values()];
}

runWhenMain(import.meta.filename, main);
