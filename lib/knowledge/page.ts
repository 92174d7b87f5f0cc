/**
 * The package facts on the page: the curated entries and Debian's derived shards loaded so far, and the knowledge
 * over them. The engine imports this with import(), so neither the merge nor the loaders weigh on the engine's chunk;
 * it hands in the catalog's names (which the engine's suggestions also read), so the two chunks share no module.
 */
import { curatedKnowledge } from "./facts";
import { derivedRelease, withDerived } from "./merge";
import { loadShard } from "./derived/load-shard";
import { loadCuratedEntry } from "./packages/load-entry";
import { PageKnowledgeCache, type PageLoaders } from "./page-cache";
import type { Target } from "./types";

/** The page's knowledge over what `loaders` give (tests hand in their own). */
export function knowledgePage(loaders: PageLoaders) {
  const cache = new PageKnowledgeCache(loaders);
  const curated = curatedKnowledge(cache.curated);
  const knowledge = withDerived(cache.derived, curated, cache.alpine);
  return {
    cache,
    /** The loaded curated entries with the loaded shards under them. */
    knowledge,
    /** The loaded curated entries alone. */
    curated,
    /** Loads what `names` need on `target`, theirs and what they pull, and on Alpine the name table (never rejects). */
    ensure: async (target: Target, names: readonly string[]) => {
      await Promise.all([cache.ensure(derivedRelease(target), names), target === "alpine" ? cache.ensureAlpine() : null]);
    },
    /** Whether what `names` need on `target` has arrived (or failed): an output made now is final. */
    isReady: (target: Target, names: readonly string[]) => cache.isReady(derivedRelease(target), names),
    /** Those of `names` whose facts failed to load, curated entry or Debian shard; on Alpine, whether the name table did. */
    failedNames: (target: Target, names: readonly string[]) => ({ ...cache.failedNames(derivedRelease(target), names), alpine: target === "alpine" && cache.alpineFailed() }),
  };
}

export type KnowledgePage = ReturnType<typeof knowledgePage>;

/**
 * The page's own: one import() per entry file and per shard file, one for the Alpine table (a Debian target never
 * loads it); `curatedNames` from the engine's catalog.
 */
export const pageKnowledge = (curatedNames: ReadonlySet<string>): KnowledgePage =>
  knowledgePage({ curatedNames, curated: loadCuratedEntry, derived: loadShard, alpine: () => import("./alpine").then((m) => m.ALPINE_LOOKUP) });
