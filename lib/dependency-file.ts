/**
 * One entry point for a dependency file of any supported format (requirements.txt, pyproject.toml, uv.lock,
 * poetry.lock, pylock.toml, Pipfile.lock): the format from the file name or the content, then its parser.
 * Loads the TOML parser, so the page imports it only for TOML or lock files.
 */
import { parseLockfile } from "./lockfiles";
import type { MarkerEnvironment } from "./markers";
import { evaluateMarker } from "./markers";
import { parsePyproject } from "./pyproject";
import { detectFormat, parseRequirementsTxt, type InputFormat, type ParseOptions, type ParsedRequirements, type SkippedLine } from "./requirements";

export const INPUT_FORMATS: readonly InputFormat[] = ["requirements", "pyproject", "uv-lock", "poetry-lock", "pylock", "pipfile-lock"];

export interface DependencyFileOptions extends ParseOptions {
  format?: InputFormat;
  /** The project's optional-dependency groups to include (pyproject.toml). */
  extras?: readonly string[];
}

export function parseDependencyFile(text: string, opts: DependencyFileOptions = {}): ParsedRequirements & { format: InputFormat } {
  const format = opts.format ?? detectFormat(text, opts.fileName);
  const parsed = format === "requirements" ? parseRequirementsTxt(text, opts) : format === "pyproject" ? parsePyproject(text, opts.extras) : parseLockfile(text, format);
  if (format === "requirements" || !opts.environment) return { ...parsed, format };
  return { ...parsed, skipped: skippedBy(parsed, opts.environment), format };
}

/** The requirements whose marker is false in the environment (for formats whose parser does not list them). */
function skippedBy(parsed: ParsedRequirements, env: MarkerEnvironment): SkippedLine[] {
  return parsed.requirements
    .filter((r) => r.marker && evaluateMarker(r.marker, env, r.extras) === false)
    .map((r) => ({ line: 0, text: r.name, name: r.name, marker: r.marker! }));
}
