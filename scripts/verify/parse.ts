/**
 * Pure parsers for the verification scripts: ldd output, dpkg-deb listings, Depends fields and the Contents index.
 * No I/O here, so every rule is unit-tested (parse.test.ts).
 */

export interface LddLine {
  /** The soname as the object asks for it, e.g. "libpq.so.5". */
  soname: string;
  /** Where the loader found it; null when ldd says "not found". */
  path: string | null;
}

/**
 * The dependencies of one object from `ldd FILE`. The vDSO and the dynamic loader itself (lines without "=>")
 * are not libraries a package provides, so they are left out; "statically linked" and "not a dynamic
 * executable" give an empty list.
 */
export function parseLdd(output: string): LddLine[] {
  const out: LddLine[] = [];
  for (const raw of output.split("\n")) {
    const line = raw.trim();
    const arrow = line.indexOf(" => ");
    if (arrow < 0) continue;
    const soname = line.slice(0, arrow).trim();
    const rest = line.slice(arrow + 4).trim();
    if (rest.startsWith("not found")) out.push({ soname, path: null });
    else {
      // "/lib/x86_64-linux-gnu/libpq.so.5 (0x00007f...)"; an empty target ("=>  (0x...)") is a vDSO on some arches.
      const path = rest.replace(/\s*\(0x[0-9a-f]+\)\s*$/, "");
      if (path.startsWith("/")) out.push({ soname, path });
    }
  }
  return out;
}

/** Whether a file path from a package listing is a shared object (extension module or library). */
export function isSharedObject(path: string): boolean {
  return /\.so(\.\d+)*$/.test(path);
}

/** Paths of the regular files in `dpkg-deb -c` output (symlinks and directories skipped), without the leading ".". */
export function parseDebListing(output: string): string[] {
  const files: string[] = [];
  for (const line of output.split("\n")) {
    if (!line.startsWith("-")) continue;
    // "-rw-r--r-- root/root   12345 2023-01-01 00:00 ./usr/lib/python3/dist-packages/x.so"
    const m = /^\S+\s+\S+\s+\d+\s+\S+\s+\S+\s+\.(\/.*)$/.exec(line);
    if (m) files.push(m[1]);
  }
  return files.sort();
}

/**
 * The importable module name of an extension file under a Python path entry, or null when the file is not in one
 * (a plain library under /usr/lib/<triplet>). "…/dist-packages/lxml/etree.cpython-311-x86_64-linux-gnu.so" → "lxml.etree".
 */
export function moduleName(path: string): string | null {
  const m = /\/(?:dist-packages|site-packages|lib-dynload)\/(.+)$/.exec(path);
  if (!m) return null;
  const parts = m[1].split("/");
  const file = parts.pop()!;
  const base = /^([A-Za-z_][A-Za-z0-9_]*)(\.[A-Za-z0-9_-]+)*\.so$/.exec(file);
  if (!base) return null;
  if (!parts.every((p) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(p))) return null;
  return [...parts, base[1]].join(".");
}

/** One clause of a Depends field: its alternatives, each a package name (arch qualifier and version dropped). */
export function parseDepends(field: string): string[][] {
  if (!field.trim()) return [];
  return field.split(",").map((clause) =>
    clause
      .split("|")
      .map((alt) => alt.trim().replace(/\s*\(.*\)\s*$/, "").replace(/\s*\[.*\]\s*$/, "").replace(/:[a-z0-9]+$/, ""))
      .filter(Boolean),
  );
}

/** Names the interpreter itself satisfies: not something to install for an import. */
const INTERPRETER = /^(python3|python3\.\d+|python3-supported-(min|max)|libpython3(\.\d+)?(-stdlib|-minimal)?)$/;

/**
 * The Python dependencies of a Debian binary to install beside it so its modules import (python3-* and
 * python-*-data names, first alternative of each clause that is one), less the interpreter and the packages under
 * test themselves.
 */
export function pythonDependencies(depends: string, own: readonly string[]): string[] {
  const out = new Set<string>();
  for (const alts of parseDepends(depends)) {
    // python-<x>-data: the arch-independent files a module reads when imported (matplotlib's mpl-data).
    const pick = alts.find((a) => (a.startsWith("python3-") || /^python-.+-data$/.test(a)) && !INTERPRETER.test(a));
    if (!pick || alts.some((a) => INTERPRETER.test(a) || own.includes(a))) continue;
    out.add(pick);
  }
  return [...out].sort();
}

/**
 * Contents index lines ("usr/lib/x86_64-linux-gnu/libpq.so.5   libs/libpq5,other/pkg") → for each wanted file
 * name, the packages shipping a file of that name (any directory). Sorted, deterministic.
 */
export function contentsProviders(contents: string, basenames: ReadonlySet<string>): Map<string, string[]> {
  const found = new Map<string, Set<string>>();
  for (const line of contents.split("\n")) {
    const m = /^(\S.*?)\s+(\S+)$/.exec(line);
    if (!m) continue;
    const base = m[1].slice(m[1].lastIndexOf("/") + 1);
    if (!basenames.has(base)) continue;
    const set = found.get(base) ?? new Set<string>();
    for (const qualified of m[2].split(",")) set.add(qualified.slice(qualified.lastIndexOf("/") + 1));
    found.set(base, set);
  }
  return new Map([...found].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, [...v].sort()]));
}

/** The link-time name of a soname: "libxml2.so.2" → "libxml2.so" (what a -dev package ships for the linker). */
export function devLinkName(soname: string): string {
  return soname.replace(/(\.so)(\.\d+)*$/, "$1");
}

/** Package names from `apt-get install --simulate` output ("Inst libpq-dev (15.8-0+deb12u1 Debian:12/stable [amd64])"). */
export function parseSimulatedInstall(output: string): string[] {
  const names = new Set<string>();
  for (const line of output.split("\n")) {
    const m = /^Inst (\S+)/.exec(line);
    if (m) names.add(m[1].replace(/:[a-z0-9]+$/, ""));
  }
  return [...names].sort();
}

/** dpkg's file lists (`/var/lib/dpkg/info/<pkg>[:arch].list` contents) → path → owning package. */
export function ownerIndex(lists: Iterable<[string, string]>): Map<string, string> {
  const owners = new Map<string, string>();
  for (const [file, text] of lists) {
    const pkg = file.replace(/\.list$/, "").replace(/:[a-z0-9]+$/, "");
    for (const p of text.split("\n")) if (p && p !== "/.") owners.set(p, pkg);
  }
  return owners;
}

/** The owner of a library path, trying the merged-/usr spellings (/lib/x → /usr/lib/x and back). */
export function ownerOf(owners: ReadonlyMap<string, string>, ...paths: string[]): string | undefined {
  for (const p of paths) {
    const variants = [p, p.startsWith("/usr/") ? p.slice(4) : "/usr" + p];
    for (const v of variants) {
      const o = owners.get(v);
      if (o) return o;
    }
  }
  return undefined;
}
