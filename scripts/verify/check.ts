/**
 * The check run inside a root: import each extension module, ldd each shared object, and classify the result
 * against the final-stage list. Used by the runtime check on Debian's binaries and by the build check on a wheel.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DebianRelease } from "../../lib/knowledge/types";
import type { MissingNeed, RuntimeVerification } from "../../lib/knowledge/verification";
import { contentsProviders, devLinkName, ownerOf, parseLdd, type LddLine } from "./parse";
import { contentsFile, inRoot, ownersOf } from "./root";

/** Python run in the root: one process imports every module; ldd runs per file. Prints one JSON object. */
const CHECK_PY = String.raw`
import importlib, json, os, subprocess, sys
spec = json.load(open(sys.argv[1]))
imports = {}
for m in spec["modules"]:
    try:
        importlib.import_module(m)
        imports[m] = None
    except BaseException as e:
        imports[m] = (type(e).__name__ + ": " + str(e)).splitlines()[0][:300]
ldd = {}
real = {}
for f in spec["files"]:
    r = subprocess.run(["ldd", f], capture_output=True, text=True)
    ldd[f] = r.stdout
    for line in r.stdout.splitlines():
        if "=> /" in line:
            p = line.split("=>", 1)[1].strip().split(" (")[0]
            real[p] = os.path.realpath(p)
print(json.dumps({"imports": imports, "ldd": ldd, "real": real}))
`;

export interface CheckInput {
  /** Dotted module names to import. */
  modules: string[];
  /** Shared objects (absolute paths inside the root) to ldd. */
  files: string[];
}

export interface CheckOutput {
  /** module → null (imported) or the error's first line. */
  imports: Record<string, string | null>;
  ldd: Record<string, LddLine[]>;
  /** A resolved library path → its realpath inside the root. */
  real: Record<string, string>;
}

/** Runs the check in a mounted root. A crash of the interpreter (e.g. a segfault in an import) is reported as such. */
export async function runCheck(merged: string, input: CheckInput): Promise<CheckOutput> {
  const dir = path.join(merged, "tmp/wheelwright-check");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "check.py"), CHECK_PY);
  writeFileSync(path.join(dir, "input.json"), JSON.stringify(input));
  const r = await inRoot(merged, ["python3", "/tmp/wheelwright-check/check.py", "/tmp/wheelwright-check/input.json"]);
  if (r.code !== 0) {
    const why = `the check's python3 exited ${r.code}: ${r.stderr.trim().split("\n").slice(-1)[0] ?? ""}`;
    return { imports: Object.fromEntries(input.modules.map((m) => [m, why])), ldd: {}, real: {} };
  }
  const raw = JSON.parse(r.stdout) as { imports: Record<string, string | null>; ldd: Record<string, string>; real: Record<string, string> };
  return { imports: raw.imports, ldd: Object.fromEntries(Object.entries(raw.ldd).map(([f, out]) => [f, parseLdd(out)])), real: raw.real };
}

/** An import error caused by a shared library (as opposed to a missing Python module or a bug). */
export function isLibraryError(message: string): boolean {
  return /cannot open shared object file|undefined symbol|version `[^']+' not found|wrong ELF class/.test(message);
}

export interface Unresolved {
  soname: string;
  neededBy: string[];
  /** The package outside the allowed set that served it in the test root. */
  servedBy?: string;
}

/**
 * Sonames the checked objects need that the allowed packages (python:*-slim's base plus what the final list
 * installed) do not provide: either ldd found none, or it found one only because a package outside that set
 * (Debian's own interpreter, a Python dependency's libraries) happens to be in the test root.
 */
export function unresolvedNeeds(out: CheckOutput, owners: ReadonlyMap<string, string>, allowed: ReadonlySet<string>): Unresolved[] {
  const by = new Map<string, Unresolved>();
  for (const [file, lines] of Object.entries(out.ldd)) {
    for (const l of lines) {
      let servedBy: string | undefined;
      if (l.path) {
        const owner = ownerOf(owners, l.path, out.real[l.path] ?? l.path);
        if (owner && allowed.has(owner)) continue;
        servedBy = owner ?? "an unowned file";
      }
      const u = by.get(l.soname) ?? { soname: l.soname, neededBy: [], servedBy };
      if (!u.neededBy.includes(file)) u.neededBy.push(file);
      by.set(l.soname, u);
    }
  }
  return [...by.values()].sort((a, b) => (a.soname < b.soname ? -1 : 1)).map((u) => ({ ...u, neededBy: u.neededBy.sort() }));
}

/** Files with the given basenames in the release's Contents index → shipping packages. */
export async function lookupContents(release: DebianRelease, basenames: string[]): Promise<Map<string, string[]>> {
  if (basenames.length === 0) return new Map();
  const file = await contentsFile(release);
  const args = basenames.flatMap((b) => ["-e", `/${b}`]);
  const r = spawnSync("sh", ["-c", `zcat "$0" | grep -F "$@"`, file, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  return contentsProviders(r.stdout ?? "", new Set(basenames));
}

/**
 * Splits unresolved sonames into missing needs (a build with the builder's list links them: its closure ships the
 * link-time name, so the final stage must provide the library) and Debian-only links (no -dev for them in that list).
 */
export async function classifyUnresolved(
  release: DebianRelease,
  unresolved: Unresolved[],
  builderClosure: ReadonlySet<string>,
): Promise<{ missing: MissingNeed[]; debianOnly: RuntimeVerification["debianOnly"] }> {
  const names = [...new Set(unresolved.flatMap((u) => [u.soname, devLinkName(u.soname)]))];
  const providers = await lookupContents(release, names);
  const missing: MissingNeed[] = [];
  const debianOnly: RuntimeVerification["debianOnly"] = [];
  for (const u of unresolved) {
    const libProviders = providers.get(u.soname) ?? [];
    const linkable = (providers.get(devLinkName(u.soname)) ?? []).some((p) => builderClosure.has(p));
    if (linkable) missing.push({ soname: u.soname, neededBy: u.neededBy, providers: libProviders, ...(u.servedBy ? { servedBy: u.servedBy } : {}) });
    else debianOnly.push({ soname: u.soname, providers: libProviders });
  }
  return { missing, debianOnly };
}

export { ownersOf };
