/**
 * The engine: everything the page needs that carries zod (lib/spec.ts) or the package knowledge
 * (lib/knowledge): judging drafts, resolving and rendering, share links, preset specs, suggestions and
 * requirements parsing. The page never imports these statically: browser/engine.ts loads this
 * module with one import() at the first intent once the page is interactive, and the server renders the first output
 * (lib/wizard/output.ts) so the page can hydrate without it.
 */
import { generateFiles as generate, type GeneratedFiles } from "./generate-files";
import type { BuildSpec } from "./spec";

export { evaluateDraft, systemPackageProblem, type Evaluation } from "./wizard/evaluate";
export { encodeShare } from "./share";
export { DEFAULT_SPEC } from "./spec";
export { presetSpec } from "./presets";
export { suggest, type Suggestion } from "./wizard/suggest";
export { looksLikePyproject, parseRequirement, parseRequirementsTxt } from "./requirements";

const bySpec = new WeakMap<BuildSpec, GeneratedFiles>();
/** Recent outputs by the spec's JSON: going back to an earlier spec (undoing a keystroke) costs no regeneration. */
const byJson = new Map<string, GeneratedFiles>();
const RECENT = 16;

let last: GeneratedFiles | null = null;

const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * `next`, with the parts equal to the previous output's replaced by those (same objects), so the page's memoised
 * parts (the stage lists, the warnings, the package summary) skip an edit that does not change them.
 */
function sharing(prev: GeneratedFiles | null, next: GeneratedFiles): GeneratedFiles {
  if (!prev) return next;
  const warnings = sameJson(prev.warnings, next.warnings) ? prev.warnings : next.warnings;
  return {
    ...next,
    plan: {
      ...next.plan,
      builder: sameJson(prev.plan.builder, next.plan.builder) ? prev.plan.builder : next.plan.builder,
      final: sameJson(prev.plan.final, next.plan.final) ? prev.plan.final : next.plan.final,
      packages: sameJson(prev.plan.packages, next.plan.packages) ? prev.plan.packages : next.plan.packages,
      warnings,
    },
    warnings,
    lineNotes: sameJson(prev.lineNotes, next.lineNotes) ? prev.lineNotes : next.lineNotes,
  };
}

/**
 * `generateFiles` of lib/generate-files.ts, cached per spec, and sharing unchanged parts with the previous output.
 * The result is shared: treat it as read-only.
 */
export function generateFiles(spec: BuildSpec): GeneratedFiles {
  let files = bySpec.get(spec);
  if (files) return (last = files);
  const key = JSON.stringify(spec);
  files = byJson.get(key);
  if (files) byJson.delete(key);
  else files = sharing(last, generate(spec));
  last = files;
  byJson.set(key, files);
  if (byJson.size > RECENT) byJson.delete(byJson.keys().next().value!);
  bySpec.set(spec, files);
  return files;
}
