/**
 * The engine: everything the page needs that carries zod (lib/spec.ts) or the resolver: judging drafts, resolving
 * and rendering, share links, preset specs, suggestions, requirements parsing and the zip writer. The page never imports these
 * statically: browser/engine.ts loads this module with one import() at the first intent once the page is
 * interactive, and the server renders the first output (lib/wizard/output.ts) so the page can hydrate without it.
 * The package facts are not in it: it knows the curated entries' names (the catalog), and loads the entries and
 * Debian's derived shards of the packages a spec names when asked (loadKnowledge; lib/knowledge/page.ts).
 */
import { generateFiles as generate, type GeneratedFiles } from "./generate-files";
import type { Knowledge } from "./knowledge/facts";
import { CURATED_CATALOG } from "./knowledge/packages/catalog";
import { normalizeName } from "./knowledge/names";
import { VARIANTS } from "./knowledge/python-images";
import type { PlanWarning } from "./resolve";
import type { BuildSpec } from "./spec";
import type { KnowledgePage } from "./knowledge/page";
import { describeFor, matchPackages, type Suggestion } from "./wizard/suggest";

export { evaluateDraft, systemPackageProblem, type Evaluation } from "./wizard/evaluate";
export { encodeShare } from "./share";
export { DEFAULT_SPEC } from "./spec";
export { presetSpec } from "./presets";
export type { Suggestion } from "./wizard/suggest";
export { detectFormat, fileOptionsToSpec, gitPackagesOf, looksLikePyproject, parseRequirement, parseRequirementsTxt } from "./requirements";
export { targetEnvironment } from "./markers";
export { zipStore } from "./wizard/zip";
export { applyFileOptions, switchGroups } from "./wizard/file-edits";

/** The names with a curated entry: the page asks for the entry of these only. */
export const CURATED_NAMES: ReadonlySet<string> = new Set(CURATED_CATALOG.map((e) => e.name));

/** Before the page's knowledge module has arrived (or when it failed to): nothing is known. */
const NOTHING: Knowledge = { facts: () => undefined, dependencies: () => [] };

/**
 * The page's generator: the package facts loaded so far (the curated entries and Debian's shards of the packages it
 * was asked about), with the merge that puts the derived facts under the curated ones, one import() away
 * (`importPage`; tests hand in their own). An output made before a spec's facts have arrived lacks them:
 * `isKnowledgeReady` says whether it may be shown all the same, and `loadKnowledge` when to generate again.
 */
export function pageGenerator(importPage: () => Promise<KnowledgePage>) {
  let page: KnowledgePage | null = null;
  let loadingPage: Promise<KnowledgePage> | null = null;
  /** Bumped when the knowledge module itself failed to load (its entries and shards count their own). */
  let pageFailures = 0;

  /** Changes whenever facts arrive (or fail to): generateFiles gives a new output for the same spec then. */
  function knowledgeVersion(): number {
    return (page?.cache.version ?? 0) + pageFailures;
  }

  /** The knowledge module, loaded once (a failed load is tried again by the next call); null when it failed. */
  async function ensurePage(): Promise<KnowledgePage | null> {
    try {
      return (page ??= await (loadingPage ??= importPage()));
    } catch {
      loadingPage = null;
      pageFailures++;
      return null;
    }
  }

  /**
   * Loads the facts `spec`'s packages need (and what they pull). Resolves, never rejects, to the knowledge
   * version: when it differs from the one an output was made with, generate again.
   */
  async function loadKnowledge(spec: BuildSpec): Promise<number> {
    await (await ensurePage())?.ensure(VARIANTS[spec.base].target, namesOf(spec));
    return knowledgeVersion();
  }

  /**
   * Whether an output made now may be shown: the curated entries `spec` needs are there (or failed to come). Until
   * then the page keeps showing the previous output, so a curated package never shows as unknown while it loads.
   * Debian's shards do not hold it (see PageKnowledgeCache.isReady).
   */
  function isKnowledgeReady(spec: BuildSpec): boolean {
    if (page) return page.isReady(VARIANTS[spec.base].target, namesOf(spec));
    return (pageFailures > 0 && loadingPage === null) || !namesOf(spec).some((n) => CURATED_NAMES.has(normalizeName(n)));
  }

  function unavailable(spec: BuildSpec): PlanWarning[] {
    const names = namesOf(spec);
    const failed = page
      ? page.failedNames(VARIANTS[spec.base].target, names)
      : { curated: pageFailures ? names.filter((n) => CURATED_NAMES.has(normalizeName(n))) : [], derived: pageFailures ? names : [], alpine: false };
    const warnings: PlanWarning[] = [];
    if (failed.curated.length)
      warnings.push({
        code: "curated-unavailable",
        severity: "warning",
        field: "packages",
        message: `The curated facts of ${failed.curated.join(", ")} could not be loaded, so the output plans ${failed.curated.length === 1 ? "it" : "them"} without them (no system packages). They are tried again at the next change.`,
      });
    if (failed.derived.length)
      warnings.push({
        code: "derived-unavailable",
        severity: "warning",
        field: "packages",
        message: `Debian's package data for ${failed.derived.join(", ")} could not be loaded, so the output uses the curated knowledge only. It is tried again at the next change.`,
      });
    if (failed.alpine)
      warnings.push({
        code: "alpine-names-unavailable",
        severity: "warning",
        field: "base",
        message: "The Debian → Alpine package name table could not be loaded, so packages known only from Debian's data get no apk packages. It is tried again at the next change.",
      });
    return warnings;
  }

  function generateWithKnowledge(spec: BuildSpec): GeneratedFiles {
    const files = generate(spec, page ? page.knowledge : NOTHING);
    const problems = unavailable(spec);
    if (problems.length === 0) return files;
    const warnings = [...files.warnings, ...problems];
    return { ...files, warnings, plan: { ...files.plan, warnings } };
  }

  let cachedVersion = knowledgeVersion();
  let bySpec = new WeakMap<BuildSpec, GeneratedFiles>();
  /** Recent outputs by the spec's JSON: going back to an earlier spec (undoing a keystroke) costs no regeneration. */
  const byJson = new Map<string, GeneratedFiles>();
  let last: GeneratedFiles | null = null;

  /**
   * `generateFiles` of lib/generate-files.ts over the facts loaded so far, cached per spec and knowledge version,
   * and sharing unchanged parts with the previous output. The result is shared: treat it as read-only.
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

  /**
   * The curated packages matching what was typed, each described for `spec` once its entry has loaded
   * (`loadSuggestions`); until then with its name and summary only.
   */
  function suggest(spec: BuildSpec, text: string, limit?: number): Suggestion[] {
    return matchPackages(CURATED_CATALOG, text, limit).map((entry) => (page?.cache.hasCurated(entry.name) ? describeFor(spec, entry, page.curated) : { entry }));
  }

  /** Loads the entries `suggest` would describe for `text`; resolves to the knowledge version. Never rejects. */
  async function loadSuggestions(text: string, limit?: number): Promise<number> {
    const names = matchPackages(CURATED_CATALOG, text, limit).map((e) => e.name);
    if (names.length) await (await ensurePage())?.cache.ensureCurated(names);
    return knowledgeVersion();
  }

  return { generateFiles, knowledgeVersion, loadKnowledge, isKnowledgeReady, suggest, loadSuggestions };
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

/** The page's: the package facts in chunks of their own, behind the knowledge module's. */
export const { generateFiles, knowledgeVersion, loadKnowledge, isKnowledgeReady, suggest, loadSuggestions } = pageGenerator(() =>
  import("./knowledge/page").then((m) => m.pageKnowledge(CURATED_NAMES)),
);
