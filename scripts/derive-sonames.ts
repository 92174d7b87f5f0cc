/**
 * Writes lib/knowledge/sonames.json: for every Debian runtime package the curated knowledge installs, the shared
 * library sonames it ships, per release, read from Debian's Contents-amd64 index (.cache/debian/<release>/lists).
 * The image's self-check names the package that provides a soname ldd could not find; only these packages are
 * listed, because only they can be in a plan's final stage. Run: npx tsx scripts/derive-sonames.ts
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CURATED } from "../lib/knowledge/packages/index";
import { DEBIAN_RELEASES } from "../lib/knowledge/types";

const ROOT = join(import.meta.dirname, "..");
/** A library file in the multiarch directory: "usr/lib/x86_64-linux-gnu/libpq.so.5". */
const LIBRARY = /^(?:usr\/)?lib\/x86_64-linux-gnu\/(lib[^/\s]*\.so\.[0-9][^/\s]*)\s+(\S+)$/;

/** The release's Contents-amd64: from the shared indices, or fetched into .cache/sonames/<release>-Contents-amd64.gz. */
function contents(release: string): string {
  const lists = join(ROOT, ".cache/debian", release, "lists");
  const listed = readdirSync(lists).find((f) => f.endsWith("_main_Contents-amd64.lz4"));
  const file = listed ? join(lists, listed) : join(ROOT, ".cache/sonames", `${release}-Contents-amd64.gz`);
  if (!existsSync(file))
    throw new Error(`no Contents-amd64 index for ${release}: fetch http://deb.debian.org/debian/dists/${release}/main/Contents-amd64.gz to ${file}`);
  return execFileSync("/usr/lib/apt/apt-helper", ["cat-file", file], { maxBuffer: 2 ** 31 - 1 }).toString("utf8");
}

/**
 * Of a package's library files, the sonames. A file whose name extends another's is the real file behind a soname
 * link (libpq.so.5.15 behind libpq.so.5) and is dropped; a package may ship two sonames of one library (bullseye's
 * libodbc1: libodbc.so.1 and libodbc.so.2), so both stay. A name with three or more version numbers beside a
 * one-number name of the same library is a real file whose soname differs (libopenjp2.so.2.5.3 behind
 * libopenjp2.so.7), and is dropped too.
 */
export function sonames(files: string[]): string[] {
  const unique = [...new Set(files)];
  const kept = unique.filter((f) => !unique.some((g) => g !== f && f.startsWith(`${g}.`)));
  const base = (f: string) => f.slice(0, f.indexOf(".so.") + 3);
  const versions = (f: string) => f.slice(base(f).length + 1).split(".").length;
  return kept.filter((f) => !(versions(f) >= 3 && kept.some((g) => base(g) === base(f) && versions(g) === 1))).sort();
}

if (import.meta.url === `file://${process.argv[1]}`) main();

function main(): void {
const out: Record<string, Record<string, string[]>> = {};
for (const release of DEBIAN_RELEASES) {
  const wanted = new Set(CURATED.flatMap((e) => e.needs.filter((n) => n.stage === "runtime").flatMap((n) => n.packages[release])));
  const files = new Map<string, string[]>();
  for (const line of contents(release).split("\n")) {
    const m = LIBRARY.exec(line);
    if (!m) continue;
    for (const qualified of m[2].split(",")) {
      const pkg = qualified.slice(qualified.lastIndexOf("/") + 1);
      if (wanted.has(pkg)) files.set(pkg, [...(files.get(pkg) ?? []), m[1]]);
    }
  }
  out[release] = Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([pkg, f]) => [pkg, sonames(f)]));
}
writeFileSync(join(ROOT, "lib/knowledge/sonames.json"), JSON.stringify(out, null, 2) + "\n");
console.log(Object.entries(out).map(([r, p]) => `${r}: ${Object.keys(p).length} packages`).join(", "));
}
