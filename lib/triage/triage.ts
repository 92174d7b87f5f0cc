/**
 * A failed build or start log → what is missing, which system package provides it on the chosen release, and the
 * fix. The log is read for kinds of failure (a missing header, a missing -lfoo at link time, a missing libfoo.so.N
 * at run time, a missing program or pkg-config module, a missing compiler); what provides the missing file comes
 * from Debian's Contents (files.ts), what the Python package being built needs from the knowledge. Pure: the
 * caller hands in the release's file table. Hostile input: the log is capped and read line by line, each line
 * capped, every pattern anchored on a literal and free of nested repetition.
 */
import { alpineFor } from "../knowledge/alpine";
import { lookupPackage, normalizeName } from "../knowledge";
import { TOOLCHAINS } from "../knowledge/toolchains";
import type { Target, Toolchain } from "../knowledge/types";
import type { TriageFiles } from "./files";

export const MAX_LOG_BYTES = 1024 * 1024;
const MAX_LINE = 4000;

export type MissingKind = "header" | "link-library" | "shared-library" | "program" | "pkg-config-module" | "compiler";

export interface Diagnosis {
  /** 1-based line of the log the failure is read from. */
  line: number;
  kind: MissingKind;
  /** What is missing, as the log names it: "sql.h", "-lz", "libGL.so.1", "pg_config", "Rust compiler". */
  missing: string;
  /** The Python package whose build or import failed, when the log names it. */
  pythonPackage: string | null;
  /** The system packages that provide what is missing, on the chosen release (empty when none is known). */
  packages: string[];
  /** Where to install them: the builder stage (build) or the final stage (runtime). */
  stage: "build" | "runtime";
  cause: string;
  fix: string;
}

export interface TriageResult {
  target: Target;
  diagnoses: Diagnosis[];
  /** Where the file index for the target comes from. */
  source: string;
}

interface FileIndex {
  headers: Map<string, { path: string; pkg: string }[]>;
  libs: Map<string, string[]>;
  modules: Map<string, string[]>;
  programs: Map<string, string[]>;
}

function push<K>(map: Map<K, string[]>, key: K, value: string) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const indexCache = new WeakMap<TriageFiles, FileIndex>();

function indexOf(files: TriageFiles): FileIndex {
  const cached = indexCache.get(files);
  if (cached) return cached;
  const index: FileIndex = { headers: new Map(), libs: new Map(), modules: new Map(), programs: new Map() };
  for (const [pkg, e] of Object.entries(files.packages)) {
    for (const h of e.headers ?? []) {
      const base = h.slice(h.lastIndexOf("/") + 1);
      const list = index.headers.get(base) ?? [];
      list.push({ path: h, pkg });
      index.headers.set(base, list);
    }
    for (const l of e.libs ?? []) push(index.libs, l, pkg);
    for (const m of e.pkgconfig ?? []) push(index.modules, m, pkg);
    for (const p of e.programs ?? []) push(index.programs, p, pkg);
  }
  indexCache.set(files, index);
  return index;
}

/** The Python package a log line says is being built or imported. */
const PYTHON_PACKAGE = [
  /Failed (?:to build|building wheel for) ([A-Za-z0-9][\w.-]*)/,
  /Building wheel for ([A-Za-z0-9][\w.-]*) \(/,
  /Getting requirements to build wheel for ([A-Za-z0-9][\w.-]*)/,
  /Collecting ([A-Za-z0-9][\w.-]*)/,
  /Downloading ([A-Za-z0-9][\w]*?)-\d/,
];

interface Found {
  kind: MissingKind;
  missing: string;
}

const TOOLCHAIN_WORDS: Record<string, Toolchain> = { rust: "rust", c: "c", "c++": "c++", fortran: "fortran" };
const COMPILER_PROGRAMS: Record<string, Toolchain> = { cc: "c", gcc: "c", "x86_64-linux-gnu-gcc": "c", "c++": "c++", "g++": "c++", "x86_64-linux-gnu-g++": "c++", gfortran: "fortran", rustc: "rust", cargo: "rust" };

/** What one log line says is missing, if anything. */
function readLine(line: string): Found | null {
  let m: RegExpExecArray | null;
  if ((m = /fatal error: ([\w.+/-]{1,200}\.(?:h|hh|hpp|hxx)): No such file or directory/.exec(line)) || (m = /'([\w.+/-]{1,200}\.(?:h|hh|hpp|hxx))' file not found/.exec(line)))
    return { kind: "header", missing: m[1] };
  if ((m = /cannot find -l([\w.+-]{1,100})/.exec(line))) return { kind: "link-library", missing: `-l${m[1]}` };
  if ((m = /(lib[\w.+-]{1,100}\.so(?:\.\d{1,6}){0,4}): cannot open shared object file/.exec(line))) return { kind: "shared-library", missing: m[1] };
  if ((m = /can(?:'|no)t find (Rust|C\+\+|C|Fortran) compiler/i.exec(line))) return { kind: "compiler", missing: `${m[1]} compiler` };
  if ((m = /linker `([\w.+-]{1,60})` not found/.exec(line))) return { kind: "program", missing: m[1] };
  if ((m = /Package '?([\w.+-]{1,100})'?,? (?:was not found in the pkg-config search path|not found)/.exec(line)) && /pkg-config|search path|\.pc\b/.test(line))
    return { kind: "pkg-config-module", missing: m[1] };
  if ((m = /\b([\w.+-]{1,60})(?::| executable) (?:command )?not found/.exec(line)) && !/^(?:error|Error|ERROR|Package)$/.test(m[1])) return { kind: "program", missing: m[1] };
  if ((m = /Command '([\w.+-]{1,60})[ '].{0,300}returned non-zero exit status 127/.exec(line))) return { kind: "program", missing: m[1] };
  if ((m = /Could not find ([\w.+-]{1,60}-config)\b/.exec(line))) return { kind: "program", missing: m[1] };
  if ((m = /No such file or directory: '([\w.+-]{1,60})'/.exec(line))) return { kind: "program", missing: m[1] };
  if ((m = /error: command '([\w./+-]{1,100})' failed/.exec(line)) && /No such file|not found/.test(line)) return { kind: "program", missing: m[1].slice(m[1].lastIndexOf("/") + 1) };
  if (/Can not find valid pkg-config name/.test(line)) return { kind: "pkg-config-module", missing: "(the package's pkg-config module)" };
  return null;
}

/** Prefer what the knowledge names for the Python package, then -dev (build) or non -dev (runtime), then the shortest. */
function choose(candidates: readonly string[], stage: "build" | "runtime", known: ReadonlySet<string>): string[] {
  const unique = [...new Set(candidates)];
  if (unique.length <= 1) return unique;
  const named = unique.filter((p) => known.has(p));
  if (named.length) return [named.sort()[0]];
  const fit = unique.filter((p) => (stage === "build" ? /-dev$/.test(p) : !/-dev$/.test(p)));
  const pool = fit.length ? fit : unique;
  return [pool.sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0]];
}

function knownPackages(python: string | null, target: Target): Set<string> {
  const k = python ? lookupPackage(normalizeName(python)) : undefined;
  return new Set(k ? k.needs.flatMap((n) => n.packages[target === "alpine" ? "bookworm" : target]) : []);
}

function install(packages: string[], stage: "build" | "runtime", target: Target): string {
  const where = stage === "build" ? "the builder stage" : "the final stage";
  const cmd = target === "alpine" ? `apk add --no-cache ${packages.join(" ")}` : `apt-get install -y --no-install-recommends ${packages.join(" ")}`;
  return `install ${packages.join(", ")} in ${where} (${cmd})`;
}

/** Debian names → the target's: Alpine through the name table; Debian names as they are. */
function forTarget(debian: string[], target: Target): string[] {
  if (target !== "alpine") return debian;
  return debian.flatMap((d) => alpineFor(d)?.alpine ?? []);
}

export function triageLog(log: string, target: Target, files: TriageFiles): TriageResult {
  const text = log.length > MAX_LOG_BYTES ? log.slice(-MAX_LOG_BYTES) : log;
  const index = indexOf(files);
  const diagnoses: Diagnosis[] = [];
  const seen = new Set<string>();
  let python: string | null = null;
  let failed: string | null = null;
  const lines = text.split("\n");
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].length > MAX_LINE ? lines[n].slice(0, MAX_LINE) : lines[n];
    for (const re of PYTHON_PACKAGE) {
      const m = re.exec(line);
      if (m) {
        if (re === PYTHON_PACKAGE[0]) failed = m[1];
        else python = m[1];
        break;
      }
    }
    const found = readLine(line);
    if (!found || seen.has(`${found.kind}:${found.missing}`)) continue;
    seen.add(`${found.kind}:${found.missing}`);
    diagnoses.push({ ...diagnose(found, python, target, index), line: n + 1 });
  }
  // "Failed to build X" comes after the error: it names the package better than the last "Collecting".
  if (failed) for (const d of diagnoses) if (!d.pythonPackage || d.pythonPackage !== failed) Object.assign(d, diagnose(d as Found, failed, target, index), { line: d.line });
  return { target, diagnoses, source: files.from };
}

function diagnose(found: Found, python: string | null, target: Target, index: FileIndex): Omit<Diagnosis, "line"> {
  const known = knownPackages(python, target);
  const curated = python ? lookupPackage(normalizeName(python)) : undefined;
  const subject = curated ? `${curated.display}'s build` : python ? `${python}'s build` : "the build";
  const base = { kind: found.kind, missing: found.missing, pythonPackage: curated?.display ?? python };
  const result = (debian: string[], stage: "build" | "runtime", cause: string): Omit<Diagnosis, "line"> => {
    const packages = forTarget(debian, target);
    const fix = packages.length
      ? install(packages, stage, target)
      : debian.length
        ? `Debian's ${debian.join(", ")} provides it; no Alpine name is known for it: find the apk that ships it`
        : `no package of ${target} in the index ships it: check the name, or install the library from its project`;
    return { ...base, packages, stage, cause, fix: fix[0].toUpperCase() + fix.slice(1) + "." };
  };
  const wholeNeeds = (stage: "build" | "runtime") =>
    curated ? curated.needs.filter((n) => n.stage === stage).flatMap((n) => n.packages[target === "alpine" ? "bookworm" : target]) : [];
  switch (found.kind) {
    case "header": {
      const base = found.missing.slice(found.missing.lastIndexOf("/") + 1);
      const owners = (index.headers.get(base) ?? []).filter((h) => h.path === found.missing || h.path.endsWith(`/${found.missing}`) || found.missing.endsWith(`/${h.path}`)).map((h) => h.pkg);
      return result(choose(owners, "build", known), "build", `${subject} includes ${found.missing}, a header no installed package provides`);
    }
    case "link-library": {
      const file = `lib${found.missing.slice(2)}.so`;
      return result(choose(index.libs.get(file) ?? [], "build", known), "build", `${subject} links with ${found.missing}, but ${file} (the -dev package's link) is not installed`);
    }
    case "shared-library":
      return result(
        choose(index.libs.get(found.missing) ?? [], "runtime", known),
        "runtime",
        `${python ? `${curated?.display ?? python} loads` : "A compiled module loads"} ${found.missing} at import time, and the final image does not have it`,
      );
    case "pkg-config-module": {
      if (found.missing.startsWith("(")) {
        const needs = wholeNeeds("build");
        const tool = choose(index.programs.get("pkg-config") ?? [], "build", known);
        return result([...new Set([...tool, ...needs])], "build", `${subject} asks pkg-config for its library and finds neither pkg-config nor the library's .pc file`);
      }
      return result(choose(index.modules.get(found.missing) ?? [], "build", known), "build", `${subject} asks pkg-config for ${found.missing}, whose .pc file no installed package provides`);
    }
    case "compiler": {
      const tc = TOOLCHAIN_WORDS[found.missing.replace(/ compiler$/, "").toLowerCase()];
      const debian = tc ? TOOLCHAINS[tc][target === "alpine" ? "bookworm" : target] : [];
      const apk = tc ? TOOLCHAINS[tc].alpine : [];
      const r = result(debian, "build", `${subject} compiles ${found.missing.replace(/ compiler$/, "")} code (no wheel for this platform) and the builder has no ${found.missing}`);
      return target === "alpine" ? { ...r, packages: apk, fix: install(apk, "build", target).replace(/^./, (c) => c.toUpperCase()) + "." } : r;
    }
    case "program": {
      const tc = COMPILER_PROGRAMS[found.missing];
      const owners = index.programs.get(found.missing) ?? [];
      if (owners.length === 0 && tc) return diagnose({ kind: "compiler", missing: `${tc === "c" ? "C" : tc === "c++" ? "C++" : tc[0].toUpperCase() + tc.slice(1)} compiler` }, python, target, index);
      return result(choose(owners, "build", known), "build", `${subject} runs ${found.missing}, which is not installed`);
    }
  }
}
