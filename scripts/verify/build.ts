/**
 * npm run verify:build — build a package's wheel from an upstream source tree with exactly the builder list, then
 * run the runtime check on that wheel; the result goes to the build section of lib/knowledge/verification/<release>.json.
 *
 *   tsx scripts/verify/build.ts --release trixie --name psycopg2 [--src DIR] [--with PKG,... --no-write]
 *
 * Without --src the tree is exported from the git snapshot of the target's repository (BUILD_TARGETS) into
 * /work/src/<name>-<tag> (WHEELWRIGHT_SRC_DIR), outside the repository; the snapshot comes from
 * WHEELWRIGHT_MIRRORS/<owner>+<name>/repo. Where that snapshot is too large to fetch, a fork's snapshot at the tag's
 * commit (`from`) or Debian's hash-checked orig tarball (`debianOrig`) stands in. Submodules come from their own
 * repositories' snapshots: those the target names by path (`submodules`) at the commit the tag's gitlink pins, and
 * the explicit `parts` of a tag (submodules and meson wrap subprojects the build would otherwise clone or download)
 * at their recorded commits; every gitlink of the tag must be covered. A target's prepare step (what upstream's
 * sdist has already generated) runs on the tree in a separate root, so the builder never holds its tools. pip gets
 * the target's --config-settings.
 *
 * A target that installs a program (uWSGI) is checked as a program: ldd on the binary from the wheel's scripts and
 * one run of it, in the final root and in each removal trial.
 *
 * The build root: the cached minbase root (python:*-slim's set plus Debian's python3) plus the builder list plus
 * Debian's python3-dev, pip and the build backend. python3-dev pulls -dev packages the official images do not have
 * (its libpython3.x-dev depends on zlib1g-dev and libexpat1-dev): those not in the builder list's own closure are
 * removed first (dpkg --remove --force-depends), so a build that needs them fails as it would in the real builder.
 * The backend packages themselves stay: they stand for what pip would install from PyPI.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { lookupPackage } from "../../lib/knowledge";
import type { DebianRelease } from "../../lib/knowledge/types";
import type { BuildVerification, RuntimeVerification } from "../../lib/knowledge/verification";
import { BUILD_TARGETS, NOT_BUILDABLE, type BuildTarget, type TreePart } from "./build-targets";
import { lookupContents } from "./check";
import { debianBinaryFor } from "./debian-map";
import { isSharedObject, pythonDependencies } from "./parse";
import { sourceBuildLists } from "./plan";
import { readReport, writeReport } from "./report";
import { catFile, findIndexFile } from "../debian/indices";
import { parseControl } from "../debian/control";
import { DEFAULT_INDEX_DIR } from "../debian/paths";
import { CACHE_DIR, MIRROR, canRun, collectDebs, ensureRoot, inRoot, installedPackages, mustInRoot, openLayer, argValues, releasesFrom, runWhenMain, seedDebs } from "./root";
import { closureOnImageBase, debInfo, judge, type Context } from "./runtime";

const APT_INSTALL = ["apt-get", "install", "-y", "-q", "--no-install-recommends"];
const MIRRORS = process.env.WHEELWRIGHT_MIRRORS ?? "/work/.mirror";
const SRC_DIR = process.env.WHEELWRIGHT_SRC_DIR ?? "/work/src";

/** The -dev packages to remove before building: pulled in by python3-dev/backends, not by the builder list. */
export function devPackagesToRemove(installed: string[], builderClosure: ReadonlySet<string>, before: ReadonlySet<string>): string[] {
  return installed
    .filter((p) => /-dev$/.test(p) && !before.has(p) && !builderClosure.has(p))
    // The interpreter's own headers stand for /usr/local/include/python3.x of the official image.
    .filter((p) => !/^(lib)?python3(\.\d+)?-dev$/.test(p) && !/^python3-.*-dev$/.test(p))
    .sort();
}

/** The commit a tree's gitlink pins, from `git ls-tree <tag> <path>` output ("160000 commit <sha>\t<path>"). */
export function gitlinkCommit(lsTree: string): string | null {
  return parseGitlinks(lsTree)[0]?.commit ?? null;
}

/** The version setuptools_scm would read from the tag ("v2.2.6" → "2.2.6", "python-ldap-3.4.7" → "3.4.7"). */
export function versionFromTag(tag: string): string {
  return tag.replace(/^[^0-9]*/, "");
}

function mirrorOf(repository: string): string {
  const git = path.join(MIRRORS, repository.replace("/", "+"), "repo");
  if (!existsSync(git)) throw new Error(`no snapshot of ${repository} at ${git} (fetch github:${repository} first)`);
  return git;
}

function gitArchive(git: string, treeish: string, dir: string, excludes: string[] = []): boolean {
  mkdirSync(dir, { recursive: true });
  // Paths and commit come from the targets table and the tag's tree, passed as arguments, never spliced into the script.
  const r = spawnSync("bash", ["-c", 'set -o pipefail; git --git-dir="$1" archive "$2" -- . "${@:4}" | tar -x -C "$3"', "_", git, treeish, dir, ...excludes.map((p) => `:(exclude)${p}`)], { stdio: "inherit" });
  return r.status === 0;
}

interface SourceTree {
  dir: string;
  repository: string;
  tag: string;
  note?: string;
  /** Submodules filled in from their own repositories' snapshots: path → repository@commit. */
  submodules?: string[];
}

function exportTree(name: string, release: DebianRelease): SourceTree {
  const target = BUILD_TARGETS[name];
  if (!target) throw new Error(`no build target for ${name}: pass --src`);
  const older = target.tagOn?.[release];
  const t = { repository: target.repository, tag: targetOn(target, release).tag };
  const dir = path.join(SRC_DIR, `${name}-${t.tag}`);
  if (target.debianOrig) {
    const orig = exportDebianOrig(target.debianOrig, dir);
    return { dir: target.subdir ? path.join(orig.dir, target.subdir) : orig.dir, repository: t.repository, tag: t.tag, note: orig.note };
  }
  const read = treeSource(target, t.tag);
  const git = mirrorOf(read.repository);
  // Submodules named by path take the commit the tag's own gitlink pins, so the tree is the one upstream tagged.
  const submodules: string[] = [];
  const pinned: TreePart[] = Object.entries(target.submodules ?? {}).map(([sub, repository]) => {
    const commit = gitlinkCommit(spawnSync("git", ["--git-dir", git, "ls-tree", read.treeish, "--", sub], { encoding: "utf8" }).stdout ?? "");
    if (!commit) throw new Error(`${t.repository} ${t.tag} has no submodule at ${sub}`);
    submodules.push(`${sub} = ${repository}@${commit.slice(0, 12)}`);
    return { path: sub, repository, commit };
  });
  const parts = target.parts?.[t.tag] ?? [];
  if (!existsSync(dir)) {
    if (!gitArchive(git, read.treeish, dir, target.exclude)) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`git archive ${read.treeish} of ${read.repository} failed`);
    }
    try {
      assembleParts(git, read.treeish, dir, [...parts, ...pinned], target.exclude ?? []);
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      throw e;
    }
  }
  const notes = [
    ...(older ? [`built ${older.tag}, not ${target.tag}: ${older.why}`] : []),
    ...(read.note ? [read.note] : []),
    ...(parts.length ? [`assembled at their pinned commits: ${parts.map((p) => `${p.path} (${p.repository} ${p.commit.slice(0, 12)})`).join(", ")}`] : []),
  ];
  return {
    dir: target.subdir ? path.join(dir, target.subdir) : dir,
    repository: t.repository,
    tag: t.tag,
    ...(notes.length ? { note: notes.join("; ") } : {}),
    ...(submodules.length ? { submodules } : {}),
  };
}

/** The target as built on one release: an older tag's backends, settings and environment replace the newest tag's. */
export function targetOn(target: BuildTarget, release: DebianRelease): BuildTarget {
  const older = target.tagOn?.[release];
  if (!older) return target;
  const { tag, backends, configSettings, env } = older;
  return { ...target, tag, backends: backends ?? target.backends, configSettings: configSettings ?? target.configSettings, env: env ?? target.env };
}

/**
 * The snapshot and tree-ish a tag's tree is read from: the upstream repository at the tag, or, where the target
 * says so, a fork's snapshot at the tag's commit (with a note for the report).
 */
export function treeSource(target: BuildTarget, tag: string): { repository: string; treeish: string; note?: string } {
  if (!target.from) return { repository: target.repository, treeish: tag };
  const commit = target.from.commits[tag];
  if (!commit) throw new Error(`${target.repository}: no commit recorded for ${tag} in the ${target.from.repository} snapshot`);
  return { repository: target.from.repository, treeish: commit, note: `tree of ${tag} (commit ${commit.slice(0, 12)}) read from the ${target.from.repository} snapshot: ${target.from.why}` };
}

/** The original tarball of a source package's version in a Sources index: where it lies in the pool and its SHA-256. */
export function origTarball(sources: string, source: string, version: string): { path: string; sha256: string } | undefined {
  const stanza = parseControl(sources, new Set(["Package", "Version", "Directory", "Checksums-Sha256"])).find(
    (f) => f.get("Package") === source && f.get("Version") === version,
  );
  if (!stanza) return undefined;
  for (const line of (stanza.get("Checksums-Sha256") ?? "").split("\n")) {
    const [sha256, , file] = line.trim().split(/\s+/);
    if (file && /\.orig\.tar\.[a-z0-9]+$/.test(file)) return { path: `${stanza.get("Directory")}/${file}`, sha256 };
  }
  return undefined;
}

function exportDebianOrig(orig: NonNullable<BuildTarget["debianOrig"]>, dir: string): { dir: string; note: string } {
  const sourcesFile = findIndexFile(DEFAULT_INDEX_DIR, orig.release, /_main_source_Sources(\.[a-z0-9]+)?$/);
  if (!sourcesFile) throw new Error(`no Sources index for ${orig.release} in ${DEFAULT_INDEX_DIR}`);
  const tarball = origTarball(catFile(sourcesFile), orig.source, orig.version);
  if (!tarball) throw new Error(`${orig.source} ${orig.version} has no orig tarball in ${orig.release}'s Sources index`);
  const note = `tree from Debian's ${path.basename(tarball.path)} (${orig.release}, SHA-256 checked against its Sources index): ${orig.why}`;
  if (existsSync(dir)) return { dir, note };
  const download = path.join(SRC_DIR, "downloads", path.basename(tarball.path));
  mkdirSync(path.dirname(download), { recursive: true });
  if (!existsSync(download)) {
    const r = spawnSync("/usr/lib/apt/apt-helper", ["download-file", `${MIRROR}/${tarball.path}`, `${download}.part`, `SHA256:${tarball.sha256}`], { stdio: "inherit" });
    if (r.status !== 0) throw new Error(`download of ${tarball.path} failed (or its SHA-256 differs)`);
    renameSync(`${download}.part`, download);
  }
  mkdirSync(dir, { recursive: true });
  const x = spawnSync("tar", ["-x", "-C", dir, "--strip-components=1", "-f", download], { stdio: "inherit" });
  if (x.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`unpacking ${download} failed`);
  }
  return { dir, note };
}

/** The gitlinks (submodules) of `git ls-tree -r` output: mode 160000 entries. */
export function parseGitlinks(lsTree: string): { path: string; commit: string }[] {
  const out: { path: string; commit: string }[] = [];
  for (const m of lsTree.matchAll(/^160000 commit ([0-9a-f]{40})\t(.+)$/gm)) out.push({ path: m[2], commit: m[1] });
  return out;
}

/**
 * Gitlinks the build would lack: not excluded from the tree (docs-only submodules) and not assembled at exactly
 * their commit. A part pinned to another commit than the tag's gitlink counts as lacking, so the table cannot drift.
 */
export function unassembledGitlinks(gitlinks: { path: string; commit: string }[], parts: readonly TreePart[], exclude: readonly string[]): { path: string; commit: string }[] {
  const outside = (p: string) => exclude.some((x) => p === x || p.startsWith(`${x}/`));
  return gitlinks.filter((g) => !outside(g.path) && !parts.some((p) => p.path === g.path && p.commit === g.commit));
}

/** Exports each part's commit from its snapshot into the tree, after checking every submodule of the tag is covered. */
function assembleParts(git: string, treeish: string, dir: string, parts: readonly TreePart[], exclude: readonly string[]): void {
  const lsTree = spawnSync("git", ["--git-dir", git, "ls-tree", "-r", treeish], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (lsTree.status !== 0) throw new Error(`git ls-tree ${treeish} failed: ${lsTree.stderr.trim()}`);
  const lacking = unassembledGitlinks(parseGitlinks(lsTree.stdout), parts, exclude);
  if (lacking.length) throw new Error(`submodules not assembled: ${lacking.map((g) => `${g.path} at ${g.commit}`).join(", ")}`);
  for (const part of parts) {
    const partGit = mirrorOf(part.repository);
    if (spawnSync("git", ["--git-dir", partGit, "cat-file", "-e", `${part.commit}^{commit}`]).status !== 0)
      throw new Error(`${part.path}: commit ${part.commit} is not in the ${part.repository} snapshot (${partGit})`);
    if (!gitArchive(partGit, part.commit, path.join(dir, part.path))) throw new Error(`git archive ${part.commit} of ${part.repository} failed`);
  }
}

/**
 * pip's arguments for the target's backend settings: one --config-settings per "key=value". Keys may repeat
 * (meson-python joins repeated setup-args), so they stay separate arguments, in the table's order.
 */
export function configSettingArgs(settings: readonly string[] = []): string[] {
  for (const s of settings) if (!/^[A-Za-z][\w.-]*=/.test(s)) throw new Error(`config setting ${JSON.stringify(s)} is not key=value`);
  return settings.map((s) => `--config-settings=${s}`);
}

/** Unconditional Requires-Dist names of a wheel's METADATA (no extra, no environment marker), PEP 503 normalised. */
export function requiredDistributions(metadata: string): string[] {
  const out = new Set<string>();
  for (const m of metadata.matchAll(/^Requires-Dist: ([A-Za-z0-9._-]+)([^;\n]*)(;.*)?$/gm)) if (!m[3]) out.add(m[1].toLowerCase().replace(/[-_.]+/g, "-"));
  return [...out].sort();
}

/** Programs a wheel installs (`<dist>.data/scripts/<name>`), by name → path inside the wheel. */
export function wheelPrograms(names: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of names) {
    const m = /^[^/]+\.data\/scripts\/([^/]+)$/.exec(n);
    if (m) out.set(m[1], n);
  }
  return out;
}

/** Files a failed build could not find: "-lz" → "libz.so" (the link-time name), and missing headers. */
export function missingAtBuild(log: string): string[] {
  const out = new Set<string>();
  for (const m of log.matchAll(/cannot find -l(\S+?):/g)) out.add(`lib${m[1]}.so`);
  for (const m of log.matchAll(/fatal error: ([\w./+-]+\.h): No such file or directory/g)) out.add(m[1].slice(m[1].lastIndexOf("/") + 1));
  return [...out].sort();
}

/**
 * PEP 639 license strings (`license = "MIT"`, `license-files`) need setuptools >= 77; bookworm has 66. Rewrites them
 * to the older table form in the build root's copy: metadata only, the compiled code is the same. Returns a note, or
 * null when nothing was changed.
 */
export function pep639ToTable(pyproject: string): string | null {
  const project = /^\[project\]$/m.exec(pyproject);
  if (!project) return null;
  const next = pyproject.slice(project.index + 1).search(/^\[/m);
  const end = next < 0 ? pyproject.length : project.index + 1 + next;
  const section = pyproject.slice(project.index, end);
  const fixed = section
    .replace(/^license\s*=\s*("[^"\n]*")\s*$/m, "license = {text = $1}")
    .replace(/^license-files\s*=\s*\[[^\]]*\]\s*\n/m, "");
  return fixed === section ? null : pyproject.slice(0, project.index) + fixed + pyproject.slice(end);
}

function olderLicenseSyntax(file: string, release: DebianRelease): string | null {
  if (release !== "bookworm" || !existsSync(file)) return null;
  const fixed = pep639ToTable(readFileSync(file, "utf8"));
  if (fixed === null) return null;
  writeFileSync(file, fixed);
  return "pyproject.toml's PEP 639 license string rewritten as a table for bookworm's setuptools 66 (metadata only)";
}

/**
 * Runs `prepare.command` on a copy of the tree in a throwaway root holding `prepare.packages`; returns the prepared
 * tree's directory (beside the exported one, reused while it exists), or why it failed.
 */
async function prepareTree(ctx: Context, name: string, dir: string, prepare: { packages: string[]; command: string }): Promise<string | { failed: string }> {
  const out = `${dir}-prepared`;
  if (existsSync(out)) return out;
  const layer = await openLayer([ctx.rootfs], `${name}-prepare`);
  try {
    seedDebs(ctx.release, layer.upper);
    const r = await inRoot(layer.merged, [...APT_INSTALL, ...prepare.packages]);
    collectDebs(ctx.release, layer.upper);
    if (r.code !== 0) return { failed: `apt-get install of the prepare step's packages failed: ${r.stderr.trim().split("\n").slice(-1)[0]}` };
    cpSync(dir, path.join(layer.merged, "src"), { recursive: true });
    const p = await inRoot(layer.merged, ["sh", "-c", 'cd /src && exec sh -c "$1"', "_", prepare.command]);
    if (p.code !== 0) return { failed: `the prepare step (${prepare.command}) failed: ${(p.stderr || p.stdout).trim().split("\n").slice(-1)[0]}` };
    cpSync(path.join(layer.merged, "src"), `${out}.part`, { recursive: true });
    renameSync(`${out}.part`, out);
    return out;
  } finally {
    await layer.close();
  }
}

export async function buildEntry(
  ctx: Context,
  name: string,
  source: SourceTree,
  log: (s: string) => void,
  extraBuilder: string[] = [],
): Promise<BuildVerification> {
  const { release, rootfs, meta } = ctx;
  let src = source;
  const date = new Date().toISOString().slice(0, 10);
  const planned = sourceBuildLists(name, release);
  // --with: an experiment on a corrected list; the report says so.
  const lists = { ...planned, builder: [...new Set([...planned.builder, ...extraBuilder])].sort() };
  const target = BUILD_TARGETS[name] && targetOn(BUILD_TARGETS[name], release);
  const result: BuildVerification = {
    name,
    status: "failed",
    upstream: { repository: src.repository, tag: src.tag, version: "" },
    date,
    builder: lists.builder,
    removedFirst: [],
    details: [
      ...(src.note ? [src.note] : []),
      ...(src.submodules ? [`submodules from their own snapshots at the pinned commits: ${src.submodules.join(", ")}`] : []),
      ...(target?.subdir ? [`built from ${target.subdir}/ of the repository`] : []),
      ...(extraBuilder.length ? [`builder list plus ${extraBuilder.join(", ")} (not what Wheelwright lists)`] : [])],
  };
  const reason = target?.unbuildableOn?.[release];
  if (reason) return { ...result, status: "not-buildable", details: [reason] };
  const builderClosure = new Set([...lists.builder, ...(await closureOnImageBase(rootfs, meta, lists.builder))]);
  const allowed = new Set([...meta.imageBase, ...(await closureOnImageBase(rootfs, meta, lists.final))]);
  const logDir = path.join(CACHE_DIR, "builds", release);
  mkdirSync(logDir, { recursive: true });

  // 0. What upstream's sdist step did to the tree, done outside the builder.
  if (target?.prepare) {
    const prepared = await prepareTree(ctx, name, src.dir, target.prepare);
    if (typeof prepared !== "string") return { ...result, details: [...result.details, prepared.failed] };
    src = { ...src, dir: prepared };
    result.details.push(`prepared outside the builder (with ${target.prepare.packages.join(", ")}): ${target.prepare.why}`);
  }

  // 1. Build.
  const builder = await openLayer([rootfs], `${name}-build`);
  let wheelPath = "";
  try {
    seedDebs(release, builder.upper);
    const before = new Set(meta.all);
    const backends = target?.backends ?? ["python3-setuptools", "python3-wheel"];
    const r = await inRoot(builder.merged, [...APT_INSTALL, ...lists.builder, "python3-dev", "python3-pip", ...backends]);
    collectDebs(release, builder.upper);
    if (r.code !== 0) return { ...result, details: [`apt-get install of the builder list failed: ${r.stderr.trim().split("\n").slice(-1)[0]}`] };
    // The backends stand for what pip would install from PyPI (pybind11-dev for pybind11's headers): never removed.
    result.removedFirst = devPackagesToRemove(installedPackages(builder.merged), new Set([...builderClosure, ...backends]), before);
    if (result.removedFirst.length) await mustInRoot(builder.merged, ["dpkg", "--remove", "--force-depends", ...result.removedFirst]);
    // Relative symlinks stay relative: resolved, they would point outside the root (matplotlib's *-symbolic.svg).
    cpSync(src.dir, path.join(builder.merged, "src"), { recursive: true, verbatimSymlinks: true });
    const shim = olderLicenseSyntax(path.join(builder.merged, "src/pyproject.toml"), release);
    if (shim) result.details.push(shim);
    for (const [file, content] of Object.entries(target?.sdistFiles ?? {})) {
      writeFileSync(path.join(builder.merged, "src", file), content);
      result.details.push(`${file} written as the sdist holds it (the tree has no .git to derive it from)`);
    }
    if (target?.configSettings?.length) result.details.push(`pip --config-settings ${target.configSettings.join(" ")}`);
    const env = Object.entries({ ...target?.env, ...(target?.scmVersionFromTag ? { SETUPTOOLS_SCM_PRETEND_VERSION: versionFromTag(src.tag) } : {}) }).map(([k, v]) => `${k}=${v}`);
    log(`${name}: building ${src.repository} ${src.tag}`);
    const b = await inRoot(builder.merged, [
      ...(env.length ? ["env", ...env] : []),
      // The settings reach pip as positional parameters of the script, never spliced into it.
      "sh", "-c", 'cd /src && python3 -m pip wheel -v --no-build-isolation --no-deps --no-index --wheel-dir /wheels "$@" . > /build.log 2>&1',
      "_", ...configSettingArgs(target?.configSettings),
    ]);
    const logFile = path.join(builder.merged, "build.log");
    const logText = existsSync(logFile) ? readFileSync(logFile, "utf8") : "";
    writeFileSync(path.join(logDir, `${name}.log`), logText);
    if (b.code !== 0) {
      const lacking = missingAtBuild(logText);
      if (lacking.length) {
        const providers = await lookupContents(release, lacking);
        result.buildMissing = lacking.map((file) => ({ file, providers: providers.get(file) ?? [] }));
        return {
          ...result,
          status: "missing",
          details: [...result.details, `the build with the builder list lacks ${result.buildMissing.map((m) => `${m.file} (${m.providers.join(" or ") || "not in the Contents index"})`).join(", ")}`],
        };
      }
      const tail = logText.trim().split("\n").filter((l) => /error|Error|fatal/.test(l)).slice(-3).join(" | ") || logText.trim().split("\n").slice(-1)[0];
      return { ...result, details: [`pip wheel failed (log: ${path.join(logDir, `${name}.log`)}): ${tail}`] };
    }
    const wheels = readdirSync(path.join(builder.merged, "wheels")).filter((f) => f.endsWith(".whl"));
    if (wheels.length !== 1) return { ...result, details: [`expected one wheel, found ${wheels.length}`] };
    wheelPath = path.join(logDir, wheels[0]);
    cpSync(path.join(builder.merged, "wheels", wheels[0]), wheelPath);
    result.upstream!.version = wheels[0].split("-")[1];
  } finally {
    await builder.close();
  }

  // 2. The wheel in a root with exactly the final list (plus the Python packages it imports, as context).
  const entry = await openLayer([rootfs], `${name}-wheel`);
  let handed = false;
  try {
    seedDebs(release, entry.upper);
    if (lists.final.length) {
      const r = await inRoot(entry.merged, [...APT_INSTALL, ...lists.final]);
      if (r.code !== 0) return { ...result, details: [`apt-get install of the final list failed: ${r.stderr.trim().split("\n").slice(-1)[0]}`] };
    }
    const mapping = debianBinaryFor(name);
    const infos = (await Promise.all(mapping.packages.map((p) => debInfo(rootfs, meta, p)))).filter((i) => i !== null);
    const pyDeps = [...new Set(infos.flatMap((i) => pythonDependencies(i.depends, mapping.packages)))].sort();
    if (pyDeps.length) await inRoot(entry.merged, [...APT_INSTALL, ...pyDeps]);
    collectDebs(release, entry.upper);
    cpSync(wheelPath, path.join(entry.merged, "tmp", path.basename(wheelPath)));
    const site = (await mustInRoot(entry.merged, ["python3", "-c", "import sys; print(f'/usr/local/lib/python{sys.version_info[0]}.{sys.version_info[1]}/dist-packages')"])).trim();
    const names = (
      await mustInRoot(entry.merged, [
        "python3", "-c",
        "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); z.extractall(sys.argv[2]); print('\\n'.join(z.namelist()))",
        `/tmp/${path.basename(wheelPath)}`, site,
      ])
    ).split("\n");
    const files = names.filter(isSharedObject).map((n) => `${site}/${n}`);
    const commands: string[][] = [];
    let checkAllowed = allowed;
    if (target?.program) {
      const inWheel = wheelPrograms(names).get(target.program.name);
      if (!inWheel) return { ...result, details: [...result.details, `the wheel installs no program ${target.program.name}`] };
      // Where pip would put it: the scripts directory of the interpreter's prefix.
      const bin = `/usr/local/bin/${target.program.name}`;
      cpSync(path.join(entry.merged, site.slice(1), inWheel), path.join(entry.merged, bin.slice(1)));
      chmodSync(path.join(entry.merged, bin.slice(1)), 0o755);
      files.push(bin);
      commands.push([bin, ...target.program.args]);
      // An embedding program links libpython3.X.so, which python:*-slim has in /usr/local/lib (Python is built
      // shared there); Debian's python3 has no libpython, so Debian's shared one stands in for the image's.
      const pyver = (await mustInRoot(entry.merged, ["python3", "-c", "import sys; print(f'{sys.version_info[0]}.{sys.version_info[1]}')"])).trim();
      const libpython = `libpython${pyver}`;
      const r = await inRoot(entry.merged, [...APT_INSTALL, libpython]);
      if (r.code !== 0) return { ...result, details: [...result.details, `apt-get install of ${libpython} failed: ${r.stderr.trim().split("\n").slice(-1)[0]}`] };
      checkAllowed = new Set([...allowed, libpython, ...(await closureOnImageBase(rootfs, meta, [libpython]))]);
      result.details.push(`${libpython} installed as the stand-in for python:*-slim's own /usr/local/lib/libpython${pyver}.so (not a final-list package)`);
      result.program = { name: target.program.name, command: [target.program.name, ...target.program.args].join(" "), output: "" };
    }
    // Where Debian has no binary to borrow Python dependencies from, the wheel's own Requires-Dist names them.
    const metadata = names.find((n) => /^[^/]+\.dist-info\/METADATA$/.test(n));
    if (infos.length === 0 && metadata) {
      const required = requiredDistributions(readFileSync(path.join(entry.merged, site.slice(1), metadata), "utf8"));
      const debs = required.map((n) => `python3-${n}`);
      if (debs.length) {
        const r = await inRoot(entry.merged, [...APT_INSTALL, ...debs]);
        if (r.code !== 0) result.details.push(`installing the wheel's requirements (${debs.join(", ")}) failed: ${r.stderr.trim().split("\n").slice(-1)[0]}`);
      }
    }
    const blank: RuntimeVerification = { name, status: "ok", debian: [], final: lists.final, modules: 0, sharedObjects: 0, missing: [], needed: [], redundant: [], unobservable: [], inBase: [], debianOnly: [], details: [] };
    handed = true;
    const checked = await judge(ctx, entry, files, lists, checkAllowed, builderClosure, blank, `${name}-wheel`, "the wheel holds no shared object", mapping.importFirst, commands);
    if (result.program && commands[0]) result.program.output = checked.ran?.[commands[0].join(" ")] ?? "";
    const { name: _n, debian: _d, ran: _r, ...runtime } = checked;
    result.runtime = runtime;
    result.status = checked.status === "missing" ? "missing" : checked.status === "redundant" ? "redundant" : checked.status === "ok" ? "ok" : "failed";
    if (checked.status === "not-runnable" || checked.status === "not-compiled") result.details.push(...checked.details);
    return result;
  } finally {
    if (!handed) await entry.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const releases = releasesFrom(argv);
  const names = argValues(argv, "--name").flatMap((s) => s.split(","));
  const srcArg = argValues(argv, "--src")[0];
  if (names.length === 0) throw new Error("name the package(s): --name psycopg2[,lxml]");
  if (srcArg && names.length > 1) throw new Error("--src goes with exactly one --name");
  const why = canRun();
  if (why) {
    console.log(`verify:build skipped: ${why}`);
    return 0;
  }
  let failed = false;
  for (const release of releases) {
    const log = (s: string) => console.log(`[${release}] ${s}`);
    const { rootfs, meta } = await ensureRoot(release, log);
    const ctx: Context = { release, rootfs, meta, log };
    const results: BuildVerification[] = [];
    for (const name of names) {
      if (!lookupPackage(name)) throw new Error(`${name} is not a knowledge entry`);
      let r: BuildVerification;
      // Decided before any tree is exported: the newest tag's tree may lack what only the buildable tags have.
      const unbuildable = NOT_BUILDABLE[name] ?? BUILD_TARGETS[name]?.unbuildableOn?.[release];
      if (unbuildable) r = { name, status: "not-buildable", date: new Date().toISOString().slice(0, 10), builder: [], removedFirst: [], details: [unbuildable] };
      else {
        try {
          const src = srcArg ? { dir: path.resolve(srcArg), repository: BUILD_TARGETS[name]?.repository ?? "local", tag: BUILD_TARGETS[name]?.tag ?? "local" } : exportTree(name, release);
          r = await buildEntry(ctx, name, src, log, argValues(argv, "--with").flatMap((x) => x.split(",")));
        } catch (e) {
          r = { name, status: "failed", date: new Date().toISOString().slice(0, 10), builder: [], removedFirst: [], details: [`the check itself failed: ${(e as Error).message}`] };
        }
      }
      log(`${name}: ${r.status}${r.upstream?.version ? ` (${r.upstream.repository} ${r.upstream.tag}, version ${r.upstream.version})` : ""}${r.runtime?.missing.length ? ` missing ${r.runtime.missing.map((m) => `${m.soname} (${m.providers.join("|")})`).join(", ")}` : ""}${r.runtime?.redundant.length ? ` redundant ${r.runtime.redundant.join(", ")}` : ""}${r.details.length ? ` — ${r.details[0]}` : ""}`);
      if (r.status === "missing") failed = true;
      results.push(r);
    }
    if (argv.includes("--no-write")) continue;
    const report = readReport(release);
    if (!report) throw new Error(`no runtime report for ${release}: run npm run verify:runtime first`);
    const by = new Map(report.build.map((b) => [b.name, b]));
    for (const r of results) by.set(r.name, r);
    writeReport({ ...report, build: [...by.values()] });
  }
  return failed ? 1 : 0;
}

runWhenMain(import.meta.filename, main);
