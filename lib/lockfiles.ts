/**
 * Lock files as input: uv.lock, poetry.lock, pylock.toml (PEP 751) and Pipfile.lock. The full locked set, the
 * transitive packages included, is what the build installs, so it is what decides the system needs. Each package
 * becomes a requirement pinned to its locked version, with a marker when the lock says when it applies. Needs a
 * TOML parser, so the page loads this module only when a lock file is pasted. Never throws.
 */
import { parse as parseToml } from "smol-toml";
import type { DirectSource, LineProblem, ParsedRequirements } from "./requirements";
import { parseRequirement } from "./requirements";
import { LIMITS, MARKER, VERSION_SPECIFIER, type Requirement } from "./spec";

export type LockFormat = "uv-lock" | "poetry-lock" | "pylock" | "pipfile-lock";

interface Locked {
  name: string;
  /** A Git URL the package is installed from. */
  git?: string;
  version?: string;
  marker?: string;
  extras?: string[];
}

const normalize = (name: string) => name.toLowerCase().replace(/[-_.]+/g, "-");
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** Several conditions under which a package is installed: any of them. undefined when one of them is "always". */
function anyOf(markers: (string | undefined)[]): string | undefined {
  if (markers.length === 0 || markers.some((m) => !m)) return undefined;
  const unique = [...new Set(markers as string[])];
  return unique.length === 1 ? unique[0] : unique.map((m) => `(${m})`).join(" or ");
}

/**
 * uv.lock: [[package]] tables; the project itself has a virtual or editable source. What `uv sync --no-dev`
 * installs is what the project's dependencies reach (not its dev-dependencies or unselected optional ones); a
 * package's marker is any of the markers on the edges that reach it.
 */
function uvLock(doc: Record<string, unknown>, problems: LineProblem[]): Locked[] {
  const packages = (Array.isArray(doc.package) ? doc.package : []).filter(isRecord);
  const byName = new Map(packages.map((p) => [normalize(String(p.name ?? "")), p]));
  const isRoot = (p: Record<string, unknown>) => isRecord(p.source) && ("virtual" in p.source || "editable" in p.source) && (p.source.virtual === "." || p.source.editable === ".");
  const roots = packages.filter(isRoot);
  if (roots.length === 0) return packages.map((p) => ({ name: String(p.name ?? ""), version: str(p.version) }));
  const edges = new Map<string, (string | undefined)[]>();
  const queue = roots.map((r) => normalize(String(r.name)));
  const reached = new Set(queue);
  while (queue.length) {
    const pkg = byName.get(queue.shift()!);
    if (!pkg) continue;
    for (const dep of (Array.isArray(pkg.dependencies) ? pkg.dependencies : []).filter(isRecord)) {
      const n = normalize(String(dep.name ?? ""));
      edges.set(n, [...(edges.get(n) ?? []), str(dep.marker)]);
      if (!reached.has(n)) {
        reached.add(n);
        queue.push(n);
      }
    }
  }
  const rootNames = new Set(roots.map((r) => normalize(String(r.name))));
  const out: Locked[] = [];
  for (const p of packages) {
    const n = normalize(String(p.name ?? ""));
    if (rootNames.has(n) || !reached.has(n)) continue;
    const git = isRecord(p.source) ? str(p.source.git) : undefined;
    out.push({ name: String(p.name), version: str(p.version), marker: anyOf(edges.get(n) ?? []), ...(git ? { git } : {}) });
  }
  if (out.length === 0 && packages.length > roots.length)
    problems.push({ line: 0, text: "", message: "the project's dependencies reach none of the locked packages (only dev dependencies?)" });
  return out;
}

/**
 * poetry.lock: [[package]] tables. Dev packages (category = "dev" in older locks, groups without "main" in newer
 * ones) and optional packages (installed only with an extra) are not what a production install gets.
 */
function poetryLock(doc: Record<string, unknown>): Locked[] {
  const out: Locked[] = [];
  for (const p of (Array.isArray(doc.package) ? doc.package : []).filter(isRecord)) {
    if (p.category === "dev" || p.optional === true) continue;
    if (Array.isArray(p.groups) && !p.groups.includes("main")) continue;
    const marker = typeof p.markers === "string" ? p.markers : isRecord(p.markers) ? str(p.markers.main) : undefined;
    out.push({ name: String(p.name ?? ""), version: str(p.version), marker });
  }
  return out;
}

/** pylock.toml (PEP 751): [[packages]] with name, version and marker. */
function pylock(doc: Record<string, unknown>): Locked[] {
  return (Array.isArray(doc.packages) ? doc.packages : []).filter(isRecord).map((p) => {
    const git = isRecord(p.vcs) && p.vcs.type === "git" ? str(p.vcs.url) : undefined;
    return { name: String(p.name ?? ""), version: str(p.version), marker: str(p.marker), ...(git ? { git } : {}) };
  });
}

/** Pipfile.lock: JSON; "default" is what `pipenv install --deploy` installs, "develop" is not. */
function pipfileLock(doc: Record<string, unknown>): Locked[] {
  const def = isRecord(doc.default) ? doc.default : {};
  return Object.entries(def).filter(([, v]) => isRecord(v)).map(([name, v]) => {
    const e = v as Record<string, unknown>;
    const version = str(e.version)?.replace(/^==/, "");
    return { name, version, marker: str(e.markers), extras: Array.isArray(e.extras) ? e.extras.filter((x): x is string => typeof x === "string") : [] };
  });
}

/** Reads a lock file of the given format. */
export function parseLockfile(text: string, format: LockFormat): ParsedRequirements {
  if (text.length > LIMITS.pastedText)
    return { requirements: [], problems: [{ line: 0, text: "", message: `the text is longer than ${LIMITS.pastedText} characters` }] };
  let doc: Record<string, unknown>;
  try {
    const parsed: unknown = format === "pipfile-lock" ? JSON.parse(text) : parseToml(text);
    if (!isRecord(parsed)) throw new Error("not a table");
    doc = parsed;
  } catch (e) {
    const line = (e as { line?: number }).line ?? 0;
    return { requirements: [], problems: [{ line, text: "", message: `not valid ${format === "pipfile-lock" ? "JSON" : "TOML"}: ${(e as Error).message.split("\n")[0]}` }] };
  }
  const problems: LineProblem[] = [];
  const notes: LineProblem[] = [];
  const locked = format === "uv-lock" ? uvLock(doc, problems) : format === "poetry-lock" ? poetryLock(doc) : format === "pylock" ? pylock(doc) : pipfileLock(doc);
  const lines = text.split(/\r\n|\n|\r/);
  const lineOf = (name: string) => {
    const i = lines.findIndex((l) => l.includes(`"${name}"`));
    return i + 1;
  };
  const requirements: Requirement[] = [];
  const sources: DirectSource[] = [];
  for (const l of locked) {
    const line = lineOf(l.name);
    let marker = l.marker;
    if (marker && (marker.length > 300 || !MARKER.test(marker))) {
      notes.push({ line, text: l.name, message: `${l.name}'s marker (${marker.slice(0, 120)}) is not read here: the package is counted as installed` });
      marker = undefined;
    }
    const extras = l.extras?.length ? `[${l.extras.join(",")}]` : "";
    const r = parseRequirement(`${l.name}${extras}${l.version ? `==${l.version}` : ""}${marker ? `; ${marker}` : ""}`);
    if (r.ok) requirements.push(r.requirement);
    else problems.push({ line, text: l.name, message: r.message });
    if (r.ok && l.git) {
      sources.push({ line, name: l.name, kind: "vcs", location: `git+${l.git}`, editable: false });
      notes.push({ line, text: l.name, message: `${l.name} is installed from git (the builder needs git)` });
    }
  }
  if (requirements.length > LIMITS.packages) {
    problems.push({ line: 0, text: "", message: `more than ${LIMITS.packages} locked packages: the first ${LIMITS.packages} are used` });
    requirements.length = LIMITS.packages;
  }
  const declared = format === "pipfile-lock" ? pipfilePython(doc) : str(doc["requires-python"]);
  const requiresPython = declared && declared.length <= 200 && VERSION_SPECIFIER.test(declared) ? declared.trim() : undefined;
  return { requirements, problems, notes, sources, ...(requiresPython ? { requiresPython } : {}) };
}

/** Pipfile.lock's _meta.requires.python_version ("3.12") as a specifier. */
function pipfilePython(doc: Record<string, unknown>): string | undefined {
  const meta = isRecord(doc._meta) && isRecord(doc._meta.requires) ? doc._meta.requires : undefined;
  const v = str(meta?.python_full_version) ?? str(meta?.python_version);
  return v && /^\d+(\.\d+)*$/.test(v) ? (meta?.python_full_version ? `==${v}` : `==${v}.*`) : undefined;
}
