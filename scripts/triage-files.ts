/**
 * Write the file → package table that `wheelwright triage` reads (lib/triage/files/<release>.json), from Debian's
 * Contents indices: the headers under /usr/include, the shared libraries under /usr/lib and the programs under
 * /usr/bin of the packages a Python build meets. Only those packages, to keep the table small: every Debian
 * package the curated knowledge names, the build and run-time packages at least MIN_USES derived entries need
 * (the libraries Python projects really build against), and a few common toolchain packages.
 *
 *   npx tsx scripts/triage-files.ts [DIR] [--check]
 *
 * A release without a verified Contents index (trixie today) takes the newest earlier release's file names,
 * keeping each package that exists under the same name, or renamed by the 64-bit time_t transition (…t64), in the
 * release's Packages index.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEBIAN_RELEASES, type DebianRelease } from "../lib/knowledge/types";
import type { TriageFiles } from "../lib/triage/files";
import { contentsFiles, grepFile, loadReleaseIndex, parseContents } from "./debian/indices";
import { DEFAULT_INDEX_DIR, REPO_ROOT } from "./debian/paths";

const OUT_DIR = path.join(REPO_ROOT, "lib", "triage", "files");
const MIN_USES = 20;
/** Toolchain packages a failed build asks for by program (cc, pkg-config, cargo …). */
const COMMON = ["gcc", "g++", "gfortran", "make", "cmake", "pkgconf", "pkg-config", "cargo", "rustc", "swig", "zlib1g-dev", "zlib1g", "libgl1", "libglib2.0-0", "libffi-dev", "libssl-dev"];
const PATHS = "^usr/(include/|lib/([a-z0-9_]+-linux-gnu/)?lib[^/ ]*\\.so[^/ ]*\\s|lib/([a-z0-9_]+-linux-gnu/)?pkgconfig/[^/ ]+\\.pc\\s|share/pkgconfig/[^/ ]+\\.pc\\s|bin/)";

function knowledgePackages(): Set<string> {
  const names = new Set<string>(COMMON);
  const dir = path.join(REPO_ROOT, "lib", "knowledge", "packages");
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const k = JSON.parse(readFileSync(path.join(dir, f), "utf8")) as { needs: { packages: Record<string, string[]> }[] };
    for (const n of k.needs) for (const [r, list] of Object.entries(n.packages)) if (r !== "alpine") for (const p of list) names.add(p);
  }
  const uses = new Map<string, number>();
  for (const release of DEBIAN_RELEASES) {
    const rdir = path.join(REPO_ROOT, "lib", "knowledge", "derived", release);
    if (!existsSync(rdir)) continue;
    for (const f of readdirSync(rdir).filter((f) => /^[0-9a-f]{2}\.json$/.test(f))) {
      const shard = JSON.parse(readFileSync(path.join(rdir, f), "utf8")) as Record<string, { build: string[]; runtime: string[] }>;
      for (const e of Object.values(shard)) for (const p of new Set([...e.build, ...e.runtime])) uses.set(p, (uses.get(p) ?? 0) + 1);
    }
  }
  for (const [p, n] of uses) if (n >= MIN_USES && (p.endsWith("-dev") || p.startsWith("lib"))) names.add(p);
  return names;
}

/** A header as an #include names it, at most its directory and file: "openssl/ssl.h", "sql.h" (matched by suffix). */
function lastTwo(p: string): string {
  return p.split("/").slice(-2).filter((s, i, all) => all.length === 1 || s !== "include" || i > 0).join("/").replace(/^include\//, "");
}

/** One line per package, so the committed file stays small and its diffs readable. */
function serializeTable(t: TriageFiles): string {
  const rows = Object.entries(t.packages).map(([pkg, e]) => `    ${JSON.stringify(pkg)}: ${JSON.stringify(e)}`);
  return `{\n  "release": ${JSON.stringify(t.release)},\n  "from": ${JSON.stringify(t.from)},\n  "packages": {\n${rows.join(",\n")}\n  }\n}\n`;
}

/** One release's table from its Contents lines. */
function tableFrom(byPackage: Map<string, string[]>, keep: Set<string>, release: DebianRelease, from: string): TriageFiles {
  const packages: TriageFiles["packages"] = {};
  for (const [pkg, paths] of [...byPackage].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!keep.has(pkg)) continue;
    const entry: TriageFiles["packages"][string] = {};
    const headers = paths.filter((p) => p.startsWith("usr/include/") && /\.(h|hh|hpp|hxx)$/.test(p)).map(lastTwo);
    const modules = paths.filter((p) => p.endsWith(".pc")).map((p) => path.posix.basename(p, ".pc"));
    const libs = paths.filter((p) => p.startsWith("usr/lib/") && !p.endsWith(".pc")).map((p) => path.posix.basename(p)).filter((f) => /\.so(\.\d+)?$/.test(f));
    const programs = paths.filter((p) => p.startsWith("usr/bin/")).map((p) => path.posix.basename(p));
    if (headers.length) entry.headers = [...new Set(headers)].sort();
    if (libs.length) entry.libs = [...new Set(libs)].sort();
    if (modules.length) entry.pkgconfig = [...new Set(modules)].sort();
    if (programs.length) entry.programs = [...new Set(programs)].sort();
    if (Object.keys(entry).length) packages[pkg] = entry;
  }
  return { release, from, packages };
}

function main() {
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const dir = args.find((a) => !a.startsWith("--")) ?? DEFAULT_INDEX_DIR;
  const keep = knowledgePackages();
  const tables = new Map<DebianRelease, TriageFiles>();
  let previous: TriageFiles | undefined;
  for (const release of DEBIAN_RELEASES) {
    const contents = contentsFiles(dir, release);
    if (contents) {
      const byPackage = parseContents(contents.map((f) => grepFile(f, PATHS)).join("\n"));
      previous = tableFrom(byPackage, keep, release, `Debian ${release} main Contents-amd64 and Contents-all`);
      tables.set(release, previous);
      continue;
    }
    if (!previous) throw new Error(`no Contents index for ${release} and no earlier release to fall back on`);
    const index = loadReleaseIndex(dir, release);
    const packages: TriageFiles["packages"] = {};
    for (const [pkg, entry] of Object.entries(previous.packages)) {
      const name = index.packages.has(pkg) ? pkg : index.packages.has(`${pkg}t64`) ? `${pkg}t64` : undefined;
      if (name) packages[name] = entry;
    }
    tables.set(release, { release, from: `Debian ${previous.release}'s Contents (no verified ${release} Contents index), package names checked against ${release}'s Packages`, packages });
  }
  let differs = false;
  if (!check) mkdirSync(OUT_DIR, { recursive: true });
  for (const [release, table] of tables) {
    const file = path.join(OUT_DIR, `${release}.json`);
    const text = serializeTable(table);
    if (check) {
      if (!existsSync(file) || readFileSync(file, "utf8") !== text) {
        console.error(`${path.relative(REPO_ROOT, file)} differs from what the indices give`);
        differs = true;
      }
    } else {
      writeFileSync(file, text);
      console.log(`${path.relative(REPO_ROOT, file)}: ${Object.keys(table.packages).length} packages, ${text.length} bytes`);
    }
  }
  if (differs) process.exit(1);
}

main();
