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
import importlib, json, os, struct, subprocess, sys

def needed(path):
    # DT_NEEDED entries of a 64-bit little-endian ELF object: what it links directly (ldd also lists what those link).
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return None
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    out = []
    for sh in sections:
        if sh[1] != 6:  # SHT_DYNAMIC
            continue
        strtab = sections[sh[6]]
        for off in range(sh[4], sh[4] + sh[5], 16):
            tag, val = struct.unpack_from("<qQ", data, off)
            if tag == 0:
                break
            if tag == 1:  # DT_NEEDED
                start = strtab[4] + val
                out.append(data[start:data.index(b"\0", start)].decode())
    return out

spec = json.load(open(sys.argv[1]))
for m in spec.get("first", []):
    importlib.import_module(m)
imports = {}
for m in spec["modules"]:
    try:
        importlib.import_module(m)
        imports[m] = None
    except BaseException as e:
        imports[m] = (type(e).__name__ + ": " + str(e)).splitlines()[0][:300]
ldd = {}
real = {}
direct = {}
for f in spec["files"]:
    r = subprocess.run(["ldd", f], capture_output=True, text=True)
    ldd[f] = r.stdout
    direct[f] = needed(f)
    for line in r.stdout.splitlines():
        if "=> /" in line:
            p = line.split("=>", 1)[1].strip().split(" (")[0]
            real[p] = os.path.realpath(p)
runs = {}
for argv in spec.get("commands", []):
    try:
        r = subprocess.run(argv, capture_output=True, text=True, timeout=60)
        text = (r.stdout + r.stderr).strip()
        runs[" ".join(argv)] = {"ok": r.returncode == 0, "output": (text.splitlines() or [""])[0][:300] if r.returncode == 0 else (text.splitlines() or ["exit %d" % r.returncode])[-1][:300]}
    except Exception as e:
        runs[" ".join(argv)] = {"ok": False, "output": (type(e).__name__ + ": " + str(e))[:300]}
print(json.dumps({"imports": imports, "ldd": ldd, "real": real, "needed": direct, "runs": runs}))
`;

export interface CheckInput {
  /** Modules imported before the checked ones (a package that must be loaded first); an error here fails the run. */
  first?: string[];
  /** Dotted module names to import. */
  modules: string[];
  /** Shared objects (absolute paths inside the root) to ldd. */
  files: string[];
  /** Programs to run (argv), e.g. a built program's --version. */
  commands?: string[][];
}

export interface CheckOutput {
  /** module → null (imported) or the error's first line. */
  imports: Record<string, string | null>;
  ldd: Record<string, LddLine[]>;
  /** A resolved library path → its realpath inside the root. */
  real: Record<string, string>;
  /** file → the sonames it links directly (DT_NEEDED); null when it is not a 64-bit ELF object. */
  needed: Record<string, string[] | null>;
  /** argv joined by spaces → whether it exited 0, and its first output line (the last one when it failed). */
  runs: Record<string, { ok: boolean; output: string }>;
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
    return {
      imports: Object.fromEntries(input.modules.map((m) => [m, why])),
      ldd: {},
      real: {},
      needed: {},
      runs: Object.fromEntries((input.commands ?? []).map((c) => [c.join(" "), { ok: false, output: why }])),
    };
  }
  const raw = JSON.parse(r.stdout) as Omit<CheckOutput, "ldd"> & { ldd: Record<string, string> };
  return { ...raw, ldd: Object.fromEntries(Object.entries(raw.ldd).map(([f, out]) => [f, parseLdd(out)])) };
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
 * Sonames the checked objects link directly (DT_NEEDED; what those libraries link in turn is their package's
 * Depends, which apt installs with them) that the allowed packages (python:*-slim's base plus what the final list
 * installed) do not provide: either ldd found none, or it found one only because a package outside that set
 * (Debian's own interpreter, a Python dependency's libraries) happens to be in the test root.
 */
export function unresolvedNeeds(out: CheckOutput, owners: ReadonlyMap<string, string>, allowed: ReadonlySet<string>): Unresolved[] {
  const by = new Map<string, Unresolved>();
  for (const [file, lines] of Object.entries(out.ldd)) {
    const direct = out.needed[file];
    for (const l of lines) {
      if (direct && !direct.includes(l.soname)) continue;
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

/** Per release: shared-object file name (and link-time name) → packages shipping it, read once from Contents. */
const contentsIndex = new Map<DebianRelease, Promise<Map<string, string[]>>>();

function sharedObjectIndex(release: DebianRelease): Promise<Map<string, string[]>> {
  let p = contentsIndex.get(release);
  if (!p)
    contentsIndex.set(
      release,
      (p = contentsFile(release).then((file) => {
        const r = spawnSync("sh", ["-c", `zcat "$0" | grep -E '/lib[^/ ]*\\.so(\\.[0-9]+)*[[:space:]]'`, file], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
        const text = r.stdout ?? "";
        const names = new Set<string>();
        for (const line of text.split("\n")) {
          const m = /\/([^/\s]+)\s+\S+$/.exec(line);
          if (m) names.add(m[1]);
        }
        return contentsProviders(text, names);
      })),
    );
  return p;
}

/** Files with the given basenames in the release's Contents index → shipping packages. */
export async function lookupContents(release: DebianRelease, basenames: string[]): Promise<Map<string, string[]>> {
  if (basenames.length === 0) return new Map();
  const index = await sharedObjectIndex(release);
  const found = new Map(basenames.filter((b) => index.has(b)).map((b) => [b, index.get(b)!]));
  // Anything else (a header) is rare: one pass over the whole index for those names.
  const others = basenames.filter((b) => !/^lib.*\.so(\.\d+)*$/.test(b));
  if (others.length) {
    const file = await contentsFile(release);
    const r = spawnSync("sh", ["-c", 'zcat "$0" | grep -F "$@"', file, ...others.flatMap((b) => ["-e", `/${b}`])], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    for (const [k, v] of contentsProviders(r.stdout ?? "", new Set(others))) found.set(k, v);
  }
  return found;
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
