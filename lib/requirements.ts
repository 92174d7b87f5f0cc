/**
 * Parsing pasted dependency lists into requirements: requirements.txt text and the
 * [project.dependencies] array of a pyproject.toml. Never throws; every line it cannot use is
 * reported with its number and the reason.
 */
import { parse as parseToml } from "smol-toml";
import { HASH, LIMITS, MARKER, PEP508_NAME, RequirementSchema, VERSION_SPECIFIER, type Requirement } from "./spec";

export interface LineProblem {
  line: number;
  text: string;
  message: string;
}

export interface ParsedRequirements {
  requirements: Requirement[];
  problems: LineProblem[];
}

/**
 * One PEP 508 requirement: name, [extras], version specifier (bare or parenthesised), ; marker.
 * URL requirements (name @ url) are refused: the build resolves from the index only.
 */
export function parseRequirement(text: string): { ok: true; requirement: Requirement } | { ok: false; message: string } {
  const trimmed = text.trim();
  const [main, ...markerParts] = trimmed.split(";");
  const marker = markerParts.join(";").trim();
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[([^\]]*)\])?\s*(.*)$/.exec(main.trim());
  if (!m) return { ok: false, message: "does not start with a package name" };
  const [, name, , extrasText, rest] = m;
  if (!PEP508_NAME.test(name)) return { ok: false, message: `"${name}" is not a valid package name` };
  if (rest.startsWith("@")) return { ok: false, message: "direct URL requirements (name @ url) are not supported; publish the package to an index" };
  const extras = extrasText === undefined ? [] : extrasText.split(",").map((e) => e.trim()).filter(Boolean);
  for (const e of extras) if (!PEP508_NAME.test(e)) return { ok: false, message: `"${e}" is not a valid extra` };
  let specifier = rest.trim();
  if (specifier.startsWith("(") && specifier.endsWith(")")) specifier = specifier.slice(1, -1).trim();
  if (specifier && !VERSION_SPECIFIER.test(specifier)) return { ok: false, message: `"${specifier}" is not a valid version specifier` };
  if (marker && !MARKER.test(marker)) return { ok: false, message: `"${marker}" is not a valid environment marker` };
  const parsed = RequirementSchema.safeParse({ name, extras, specifier: specifier || undefined, marker: marker || undefined });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "invalid requirement" };
  return { ok: true, requirement: parsed.data };
}

const REFUSED_OPTIONS: Record<string, string> = {
  "-r": "includes another file: paste that file's contents instead",
  "--requirement": "includes another file: paste that file's contents instead",
  "-c": "constraints files are not supported: paste the pinned versions instead",
  "--constraint": "constraints files are not supported: paste the pinned versions instead",
  "-e": "editable installs belong in development, not in an image",
  "--editable": "editable installs belong in development, not in an image",
  "-i": "index URLs belong in pip.conf or a build secret, not in the requirements",
  "--index-url": "index URLs belong in pip.conf or a build secret, not in the requirements",
  "--extra-index-url": "index URLs belong in pip.conf or a build secret, not in the requirements",
  "-f": "--find-links is not supported in a generated build",
  "--find-links": "--find-links is not supported in a generated build",
};

export function parseRequirementsTxt(text: string): ParsedRequirements {
  const requirements: Requirement[] = [];
  const problems: LineProblem[] = [];
  if (text.length > LIMITS.pastedText) {
    return { requirements, problems: [{ line: 0, text: "", message: `the text is longer than ${LIMITS.pastedText} characters` }] };
  }
  // Join backslash continuations, remembering the first physical line of each logical line.
  const physical = text.split(/\r\n|\n|\r/);
  const logical: { line: number; text: string }[] = [];
  for (let i = 0; i < physical.length; i++) {
    const start = i;
    let current = physical[i];
    while (current.endsWith("\\") && i + 1 < physical.length) current = current.slice(0, -1) + " " + physical[++i];
    logical.push({ line: start + 1, text: current });
  }
  for (const { line, text: raw } of logical) {
    const withoutComment = raw.replace(/(^|\s)#.*$/, "").trim();
    if (!withoutComment) continue;
    const first = withoutComment.split(/[\s=]/)[0];
    if (first.startsWith("-")) {
      const reason = REFUSED_OPTIONS[first];
      if (reason) problems.push({ line, text: raw, message: `${first} ${reason}` });
      else if (first !== "--hash" && first !== "--pre" && first !== "--prefer-binary" && first !== "--only-binary" && first !== "--no-binary")
        problems.push({ line, text: raw, message: `unknown option ${first}` });
      continue;
    }
    if (/^[a-z+]+:\/\//i.test(withoutComment) || withoutComment.startsWith(".") || withoutComment.startsWith("/"))
      { problems.push({ line, text: raw, message: "paths and URLs are not supported: name a package from the index" }); continue; }
    // --hash options follow the requirement on the same logical line.
    const hashes: string[] = [];
    const reqText = withoutComment.replace(/\s--hash[=\s]+(\S+)/g, (_, h: string) => {
      hashes.push(h);
      return "";
    });
    const bad = hashes.find((h) => !HASH.test(h));
    if (bad) {
      problems.push({ line, text: raw, message: `"${bad}" is not a valid --hash (sha256:<64 hex digits>)` });
      continue;
    }
    if (/\s--?[a-z]/.test(reqText.split(";")[0])) {
      problems.push({ line, text: raw, message: "per-requirement options other than --hash are not supported" });
      continue;
    }
    const r = parseRequirement(reqText);
    if (r.ok) requirements.push({ ...r.requirement, hashes });
    else problems.push({ line, text: raw, message: r.message });
  }
  if (requirements.length > LIMITS.packages)
    problems.push({ line: 0, text: "", message: `more than ${LIMITS.packages} packages` });
  return { requirements: requirements.slice(0, LIMITS.packages), problems };
}

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
  const looksToml = /^\s*\[(project|tool\.poetry|build-system)/m.test(text);
  return looksToml ? { ...parsePyproject(text), format: "pyproject" } : { ...parseRequirementsTxt(text), format: "requirements" };
}

/** Parse a comma-separated package list ("psycopg2,numpy==2.1"), as used by the CLI and short URLs. */
export function parsePackageList(text: string): ParsedRequirements {
  const items = text.split(/,(?![^\[]*\])(?=\s*[A-Za-z0-9])/).map((s) => s.trim()).filter(Boolean);
  return parseRequirementsTxt(items.join("\n"));
}
