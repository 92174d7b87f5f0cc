/**
 * pyproject.toml's dependency list ([project.dependencies], or Poetry's [tool.poetry.dependencies]) as
 * requirements. Separate from lib/requirements.ts because it needs a TOML parser: the page loads this
 * module only when TOML is pasted. Never throws.
 */
import { parse as parseToml } from "smol-toml";
import { looksLikePyproject, parseRequirement, parseRequirementsTxt, type DirectSource, type LineProblem, type ParsedRequirements } from "./requirements";
import { normalizeName } from "./knowledge/names";
import { LIMITS, VERSION_SPECIFIER, type Requirement } from "./spec";

export type { LineProblem, ParsedRequirements };

/**
 * [project.dependencies] of a pyproject.toml (PEP 621), plus the [project.optional-dependencies] groups named in
 * `extras`. Poetry's [tool.poetry.dependencies] is read too: its `optional = true` entries only when an extra of
 * [tool.poetry.extras] names them; other Poetry groups ([tool.poetry.group.*]) are development-only and not read.
 * `groups` lists every optional group with what it adds, so a page can add or drop them as they are chosen.
 */
export function parsePyproject(text: string, extras: readonly string[] = []): ParsedRequirements {
  const chosen = new Set(extras.map(normalizeName));
  if (text.length > LIMITS.pastedText)
    return { requirements: [], problems: [{ line: 0, text: "", message: `the text is longer than ${LIMITS.pastedText} characters` }] };
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch (e) {
    const line = (e as { line?: number }).line ?? 0;
    return { requirements: [], problems: [{ line, text: "", message: `not valid TOML: ${(e as Error).message.split("\n")[0]}` }] };
  }
  const project = doc.project as { dependencies?: unknown; "optional-dependencies"?: unknown; "requires-python"?: unknown } | undefined;
  const declared = project?.["requires-python"];
  const requiresPython = typeof declared === "string" && declared.length <= 200 && VERSION_SPECIFIER.test(declared) ? declared.trim() : undefined;
  const withPython = <T extends ParsedRequirements>(r: T): T => (requiresPython ? { ...r, requiresPython } : r);
  const lines = text.split(/\r\n|\n|\r/);
  const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
  if (project && Array.isArray(project.dependencies)) {
    const optional = project["optional-dependencies"];
    const declaredGroups = optional && typeof optional === "object" ? Object.entries(optional as Record<string, unknown>) : [];
    const groupDeps = (deps: unknown) => (Array.isArray(deps) ? deps : []);
    const fromGroups = declaredGroups.filter(([g]) => chosen.has(normalizeName(g))).flatMap(([, deps]) => groupDeps(deps));
    const notes: LineProblem[] = declaredGroups.length
      ? [{ line: lineOf("optional-dependencies"), text: "", message: `optional dependency groups: ${declaredGroups.map(([g]) => g).join(", ")}; choose them under "Optional dependency groups" to install them` }]
      : [];
    const read = readDependencyList([...project.dependencies, ...fromGroups], lineOf);
    const groups = declaredGroups.map(([name, deps]) => ({ name, requirements: readDependencyList(groupDeps(deps), lineOf).requirements }));
    return withPython({ ...read, notes: [...notes, ...read.notes], groups });
  }
  const poetryTable = (doc.tool as { poetry?: { dependencies?: Record<string, unknown>; extras?: Record<string, unknown> } } | undefined)?.poetry;
  const poetry = poetryTable?.dependencies;
  if (poetry && typeof poetry === "object") {
    const poetryExtras = Object.entries(poetryTable.extras ?? {}).map(([name, names]) => ({ name, names: Array.isArray(names) ? names.map(String) : [] }));
    const enabled = new Set(poetryExtras.filter((e) => chosen.has(normalizeName(e.name))).flatMap((e) => e.names));
    const requirements: Requirement[] = [];
    const problems: LineProblem[] = [];
    const notes: LineProblem[] = [];
    for (const [name, value] of Object.entries(poetry)) {
      if (name.toLowerCase() === "python") continue;
      if (isPoetryOptional(value) && !enabled.has(name)) {
        notes.push({ line: lineOf(name), text: name, message: `${name} is optional: installed only with an extra of [tool.poetry.extras] that names it` });
        continue;
      }
      const r = poetryRequirement(name, value);
      if (r.ok) requirements.push(r.requirement);
      else problems.push({ line: lineOf(name), text: name, message: r.message });
    }
    const groups = poetryExtras.map(({ name, names }) => ({
      name,
      requirements: names.flatMap((n) => {
        const r = Object.hasOwn(poetry, n) ? poetryRequirement(n, poetry[n]) : undefined;
        return r?.ok ? [r.requirement] : [];
      }),
    }));
    return { requirements, problems, notes, groups };
  }
  return { requirements: [], problems: [{ line: 0, text: "", message: "no [project] dependencies (or [tool.poetry.dependencies]) found" }] };
}

/** PEP 508 strings of a PEP 621 dependency list, as requirements; direct references are read as requirements lines. */
function readDependencyList(deps: readonly unknown[], lineOf: (needle: string) => number): Required<Pick<ParsedRequirements, "requirements" | "problems" | "notes" | "sources">> {
  const out = { requirements: [] as Requirement[], problems: [] as LineProblem[], notes: [] as LineProblem[], sources: [] as DirectSource[] };
  for (const dep of deps) {
    if (typeof dep !== "string") {
      out.problems.push({ line: 0, text: String(dep), message: "a dependency must be a string" });
      continue;
    }
    // A direct reference (name @ git+https://…) is read as a requirements line: the name decides needs, the
    // source is recorded (a Git one puts git in the builder).
    if (/@/.test(dep.split(";")[0])) {
      const line = parseRequirementsTxt(dep);
      out.requirements.push(...line.requirements);
      out.sources.push(...(line.sources ?? []).map((s) => ({ ...s, line: lineOf(dep) })));
      out.notes.push(...(line.notes ?? []).map((n) => ({ ...n, line: lineOf(dep) })));
      out.problems.push(...line.problems.map((p) => ({ ...p, line: lineOf(dep) })));
      continue;
    }
    const r = parseRequirement(dep);
    if (r.ok) out.requirements.push(r.requirement);
    else out.problems.push({ line: lineOf(dep), text: dep, message: r.message });
  }
  return out;
}

function isPoetryOptional(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as { optional?: unknown }).optional === true;
}

/** One [tool.poetry.dependencies] entry as a requirement: its extras, and its version when that is PEP 440. */
function poetryRequirement(name: string, value: unknown): ReturnType<typeof parseRequirement> {
  const table = typeof value === "object" && value !== null ? (value as { version?: unknown; extras?: unknown }) : undefined;
  const version = typeof value === "string" ? value : table && "version" in table ? String(table.version) : "";
  const extras = table && Array.isArray(table.extras) ? table.extras.map(String) : [];
  const r = parseRequirement(`${name}${extras.length ? `[${extras.join(",")}]` : ""}`);
  // Poetry's ^ and ~ constraints are not PEP 440; the lock file pins the versions anyway.
  return r.ok && version && VERSION_SPECIFIER.test(version) ? { ok: true, requirement: { ...r.requirement, specifier: version } } : r;
}

/** Guess the format of pasted text. */
export function parseDependencies(text: string): ParsedRequirements & { format: "requirements" | "pyproject" } {
  return looksLikePyproject(text) ? { ...parsePyproject(text), format: "pyproject" } : { ...parseRequirementsTxt(text), format: "requirements" };
}

/** [project].requires-python of a pyproject.toml (e.g. ">=3.11"), or undefined when absent or not TOML. */
export function pyprojectRequiresPython(text: string): string | undefined {
  try {
    const value = ((parseToml(text) as Record<string, unknown>).project as { "requires-python"?: unknown } | undefined)?.["requires-python"];
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}
