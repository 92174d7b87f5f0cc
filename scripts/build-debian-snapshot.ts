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
 *     python:*-slim image keeps (PYTHON_SLIM_RUNTIME, lib/knowledge/image-contents.ts),
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
 * The work is in scripts/debian/: control.ts (deb822 and relations), version.ts (dpkg version order),
 * indices.ts (the release's index files), closure.ts (relation resolution, closure), snapshot.ts (roots,
 * serialisation, weights). This file is the command line.
 *
 * --check: do not write, compare with the committed files and exit 1 when either differs.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { FULL_IMAGE_ROOTS } from "../lib/knowledge/image-contents";
import { DEBIAN_RELEASES } from "../lib/knowledge/types";
import { cmp } from "./debian/order";
import { DEFAULT_INDEX_DIR, SNAPSHOT_PATH, WEIGHTS_PATH } from "./debian/paths";
import { buildSnapshot, knowledgeNames, serializeSnapshot, serializeWeights, weightsFromSnapshot } from "./debian/snapshot";

export { DEFAULT_INDEX_DIR, SNAPSHOT_PATH, WEIGHTS_PATH } from "./debian/paths";
export { buildSnapshot, serializeSnapshot, serializeWeights, weightsFromSnapshot } from "./debian/snapshot";

export function main(argv: string[]): number {
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
