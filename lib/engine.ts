/**
 * The engine: everything the page needs that carries zod (lib/spec.ts) or the package knowledge
 * (lib/knowledge): judging drafts, resolving and rendering, share links, preset specs, suggestions and
 * requirements parsing. The page never imports these statically: browser/engine.ts loads this
 * module with one import() at the first intent once the page is interactive, and the server renders the first output
 * (lib/wizard/output.ts) so the page can hydrate without it. Debian's derived facts are not in it either: it loads the
 * shards of the packages a spec names when asked (loadKnowledge).
 */
import { generateFiles as generate, type GeneratedFiles } from "./generate-files";
import { CURATED } from "./knowledge/facts";
import { VARIANTS } from "./knowledge/python-images";
import type { PlanWarning } from "./resolve";
import type { BuildSpec } from "./spec";
import type { DerivedPage } from "./knowledge/derived/page";

export { evaluateDraft, systemPackageProblem, type Evaluation } from "./wizard/evaluate";
export { encodeShare } from "./share";
export { DEFAULT_SPEC } from "./spec";
export { presetSpec } from "./presets";
export { suggest, type Suggestion } from "./wizard/suggest";
export { detectFormat, fileOptionsToSpec, gitPackagesOf, looksLikePyproject, parseRequirement, parseRequirementsTxt } from "./requirements";
export { targetEnvironment } from "./markers";

/**
 * The page's generator: the Debian-derived facts loaded so far (the shards of the packages it was asked about),
 * with the merge that puts them under the curated entries, one import() away (`importPage`; tests hand in their
 * own). Until a package's shard arrives the output is what the curated knowledge alone gives; `loadKnowledge` says
 * when to generate again.
 */
export function pageGenerator(importPage: () => Promise<DerivedPage>) {
  let page: DerivedPage | null = null;
  let loadingPage: Promise<DerivedPage> | null = null;
  /** Bumped when the derived layer itself failed to load (its shards count their own). */
  let pageFailures = 0;

  /** Changes whenever derived facts arrive (or fail to): generateFiles gives a new output for the same spec then. */
  function knowledgeVersion(): number {
    return (page?.shards.version ?? 0) + pageFailures;
  }

  /**
   * Loads the derived facts `spec`'s packages need (and their dependencies'). Resolves, never rejects, to the
   * knowledge version: when it differs from the one an output was made with, generate again.
   */
  async function loadKnowledge(spec: BuildSpec): Promise<number> {
    try {
      page ??= await (loadingPage ??= importPage());
    } catch {
      loadingPage = null;
      pageFailures++;
      return knowledgeVersion();
    }
    await page.ensure(VARIANTS[spec.base].target, namesOf(spec));
    return knowledgeVersion();
  }

  function unavailable(spec: BuildSpec): PlanWarning | null {
    const failed = page ? page.failedNames(VARIANTS[spec.base].target, namesOf(spec)) : pageFailures ? namesOf(spec) : [];
    if (failed.length === 0) return null;
    return {
      code: "derived-unavailable",
      severity: "warning",
      field: "packages",
      message: `Debian's package data for ${failed.join(", ")} could not be loaded, so the output uses the curated knowledge only. It is tried again at the next change.`,
    };
  }

  function generateWithKnowledge(spec: BuildSpec): GeneratedFiles {
    const files = generate(spec, page ? page.knowledge(CURATED) : CURATED);
    const problem = unavailable(spec);
    if (!problem) return files;
    const warnings = [...files.warnings, problem];
    return { ...files, warnings, plan: { ...files.plan, warnings } };
  }

  let cachedVersion = knowledgeVersion();
  let bySpec = new WeakMap<BuildSpec, GeneratedFiles>();
  /** Recent outputs by the spec's JSON: going back to an earlier spec (undoing a keystroke) costs no regeneration. */
  const byJson = new Map<string, GeneratedFiles>();
  let last: GeneratedFiles | null = null;

  /**
   * `generateFiles` of lib/generate-files.ts, cached per spec, and sharing unchanged parts with the previous output.
   * The result is shared: treat it as read-only.
   */
  function generateFiles(spec: BuildSpec): GeneratedFiles {
    const version = knowledgeVersion();
    if (cachedVersion !== version) {
      cachedVersion = version;
      bySpec = new WeakMap();
      byJson.clear();
    }
    let files = bySpec.get(spec);
    if (files) return (last = files);
    const key = JSON.stringify(spec);
    files = byJson.get(key);
    if (files) byJson.delete(key);
    else files = sharing(last, generateWithKnowledge(spec));
    last = files;
    byJson.set(key, files);
    if (byJson.size > RECENT) byJson.delete(byJson.keys().next().value!);
    bySpec.set(spec, files);
    return files;
  }

  return { generateFiles, knowledgeVersion, loadKnowledge };
}

const namesOf = (spec: BuildSpec) => spec.packages.map((p) => p.name);

const RECENT = 16;

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
    dockerfileHighlight: prev.dockerfile === next.dockerfile ? prev.dockerfileHighlight : next.dockerfileHighlight,
  };
}

/** The page's: the derived layer in its own chunk. */
export const { generateFiles, knowledgeVersion, loadKnowledge } = pageGenerator(() => import("./knowledge/derived/page").then((m) => m.page));
