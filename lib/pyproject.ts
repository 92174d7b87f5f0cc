/**
 * pyproject.toml's dependency list ([project.dependencies], or Poetry's [tool.poetry.dependencies]) as
 * requirements. Separate from lib/requirements.ts because it needs a TOML parser: the page loads this
 * module only when TOML is pasted. Never throws.
 */
import { parse as parseToml } from "smol-toml";
import { looksLikePyproject, parseRequirement, parseRequirementsTxt, type LineProblem, type ParsedRequirements } from "./requirements";
import { LIMITS, VERSION_SPECIFIER, type Requirement } from "./spec";

export type { LineProblem, ParsedRequirements };

/** [project.dependencies] of a pyproject.toml (PEP 621). Poetry's [tool.poetry.dependencies] is read too. */
export function parsePyproject(text: string): ParsedRequirements {
  if (text.length > LIMITS.pastedText)
    return { requirements: [], problems: [{ line: 0, text: "", message: `the text is longer than ${LIMITS.pastedText} characters` }] };
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch (e) {
    const line = (e as { line?: number }).line ?? 0;
    return { requirements: [], problems: [{ line, text: "", message: `not valid TOML: ${(e as Error).message.split("\n")[0]}` }] };
  }
  const project = doc.project as { dependencies?: unknown } | undefined;
  const lines = text.split(/\r\n|\n|\r/);
  const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
  const requirements: Requirement[] = [];
  const problems: LineProblem[] = [];
  if (project && Array.isArray(project.dependencies)) {
    for (const dep of project.dependencies) {
      if (typeof dep !== "string") {
        problems.push({ line: 0, text: String(dep), message: "a dependency must be a string" });
        continue;
      }
      const r = parseRequirement(dep);
      if (r.ok) requirements.push(r.requirement);
      else problems.push({ line: lineOf(dep), text: dep, message: r.message });
    }
    return { requirements, problems };
  }
  const poetry = (doc.tool as { poetry?: { dependencies?: Record<string, unknown> } } | undefined)?.poetry?.dependencies;
  if (poetry && typeof poetry === "object") {
    for (const [name, value] of Object.entries(poetry)) {
      if (name.toLowerCase() === "python") continue;
      const version = typeof value === "string" ? value : typeof value === "object" && value && "version" in value ? String((value as { version: unknown }).version) : "";
      const extras = typeof value === "object" && value && "extras" in value && Array.isArray((value as { extras: unknown }).extras) ? ((value as { extras: string[] }).extras) : [];
      const r = parseRequirement(`${name}${extras.length ? `[${extras.join(",")}]` : ""}`);
      if (!r.ok) problems.push({ line: lineOf(name), text: name, message: r.message });
      // Poetry's ^ and ~ constraints are not PEP 440; the lock file pins the versions anyway.
      else requirements.push(version && VERSION_SPECIFIER.test(version) ? { ...r.requirement, specifier: version } : r.requirement);
    }
    return { requirements, problems };
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
