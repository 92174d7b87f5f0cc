/**
 * Parsing pasted dependency lists into requirements: requirements.txt text and the
 * [project.dependencies] array of a pyproject.toml. Never throws; every line it cannot use is
 * reported with its number and the reason. pyproject.toml is in lib/pyproject.ts, so that the TOML parser
 * is loaded only by what reads TOML (the page imports it when TOML is pasted).
 */
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
  // Everything RequirementSchema checks but the lengths was checked above; when those fit too, skip zod
  // (a 300-line paste would otherwise run every pattern twice). Zod still words any other refusal.
  if (name.length <= LIMITS.name && extras.length <= 20 && extras.every((e) => e.length <= LIMITS.name) && specifier.length <= 200 && marker.length <= 300)
    return { ok: true, requirement: { name, extras, specifier: specifier || undefined, marker: marker || undefined, hashes: [] } };
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

/** Whether pasted text looks like a pyproject.toml (parse it with lib/pyproject.ts) rather than a requirements.txt. */
export function looksLikePyproject(text: string): boolean {
  return /^\s*\[(project|tool\.poetry|build-system)/m.test(text);
}

/** Parse a comma-separated package list ("psycopg2,numpy==2.1"), as used by the CLI and short URLs. */
export function parsePackageList(text: string): ParsedRequirements {
  const items = text.split(/,(?![^\[]*\])(?=\s*[A-Za-z0-9])/).map((s) => s.trim()).filter(Boolean);
  return parseRequirementsTxt(items.join("\n"));
}
