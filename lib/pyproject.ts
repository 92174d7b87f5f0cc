/**
 * pyproject.toml's dependency list ([project.dependencies], or Poetry's [tool.poetry.dependencies]) as
 * requirements. Separate from lib/requirements.ts because it needs a TOML parser: the page loads this
 * module only when TOML is pasted. Never throws.
 */
import { parse as parseToml } from "smol-toml";
import { looksLikePyproject, parseRequirement, parseRequirementsTxt, type DirectSource, type LineProblem, type ParsedRequirements } from "./requirements";
import { LIMITS, VERSION_SPECIFIER, type Requirement } from "./spec";

export type { LineProblem, ParsedRequirements };

/**
 * [project.dependencies] of a pyproject.toml (PEP 621), plus the [project.optional-dependencies] groups named in
 * `extras`. Poetry's [tool.poetry.dependencies] is read too: its `optional = true` entries only when an extra of
 * [tool.poetry.extras] names them; other Poetry groups ([tool.poetry.group.*]) are development-only and not read.
 */
export function parsePyproject(text: string, extras: readonly string[] = []): ParsedRequirements {
  const chosen = new Set(extras.map((e) => e.toLowerCase().replace(/[-_.]+/g, "-")));
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
  const withPython = (r: ParsedRequirements): ParsedRequirements => (requiresPython ? { ...r, requiresPython } : r);
  const lines = text.split(/\r\n|\n|\r/);
  const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
  const requirements: Requirement[] = [];
  const problems: LineProblem[] = [];
  if (project && Array.isArray(project.dependencies)) {
    const optional = project["optional-dependencies"];
    const groups = optional && typeof optional === "object" ? Object.entries(optional as Record<string, unknown>) : [];
    const fromGroups = groups.filter(([g]) => chosen.has(g.toLowerCase().replace(/[-_.]+/g, "-"))).flatMap(([, deps]) => (Array.isArray(deps) ? deps : []));
    const notes: LineProblem[] = groups.length ? [{ line: lineOf("optional-dependencies"), text: "", message: `optional dependency groups: ${groups.map(([g]) => g).join(", ")}; choose them under "Optional dependency groups" to install them` }] : [];
    const sources: DirectSource[] = [];
    for (const dep of [...project.dependencies, ...fromGroups]) {
      if (typeof dep !== "string") {
        problems.push({ line: 0, text: String(dep), message: "a dependency must be a string" });
        continue;
      }
      // A direct reference (name @ git+https://…) is read as a requirements line: the name decides needs, the
      // source is recorded (a Git one puts git in the builder).
      if (/@/.test(dep.split(";")[0])) {
        const line = parseRequirementsTxt(dep);
        requirements.push(...line.requirements);
        sources.push(...(line.sources ?? []).map((s) => ({ ...s, line: lineOf(dep) })));
        notes.push(...(line.notes ?? []).map((n) => ({ ...n, line: lineOf(dep) })));
        problems.push(...line.problems.map((p) => ({ ...p, line: lineOf(dep) })));
        continue;
      }
      const r = parseRequirement(dep);
      if (r.ok) requirements.push(r.requirement);
      else problems.push({ line: lineOf(dep), text: dep, message: r.message });
    }
    return withPython({ requirements, problems, notes, sources });
  }
  const poetry = (doc.tool as { poetry?: { dependencies?: Record<string, unknown> } } | undefined)?.poetry?.dependencies;
  if (poetry && typeof poetry === "object") {
    const poetryExtras = (doc.tool as { poetry?: { extras?: Record<string, unknown> } }).poetry?.extras ?? {};
    const enabled = new Set(
      Object.entries(poetryExtras)
        .filter(([e]) => chosen.has(e.toLowerCase().replace(/[-_.]+/g, "-")))
        .flatMap(([, names]) => (Array.isArray(names) ? names.map(String) : [])),
    );
    const notes: LineProblem[] = [];
    for (const [name, value] of Object.entries(poetry)) {
      if (name.toLowerCase() === "python") continue;
      if (typeof value === "object" && value && (value as { optional?: unknown }).optional === true && !enabled.has(name)) {
        notes.push({ line: lineOf(name), text: name, message: `${name} is optional: installed only with an extra of [tool.poetry.extras] that names it` });
        continue;
      }
      const version = typeof value === "string" ? value : typeof value === "object" && value && "version" in value ? String((value as { version: unknown }).version) : "";
      const extras = typeof value === "object" && value && "extras" in value && Array.isArray((value as { extras: unknown }).extras) ? ((value as { extras: string[] }).extras) : [];
      const r = parseRequirement(`${name}${extras.length ? `[${extras.join(",")}]` : ""}`);
      if (!r.ok) problems.push({ line: lineOf(name), text: name, message: r.message });
      // Poetry's ^ and ~ constraints are not PEP 440; the lock file pins the versions anyway.
      else requirements.push(version && VERSION_SPECIFIER.test(version) ? { ...r.requirement, specifier: version } : r.requirement);
    }
    return { requirements, problems, notes };
  }
  return { requirements, problems: [{ line: 0, text: "", message: "no [project] dependencies (or [tool.poetry.dependencies]) found" }] };
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
