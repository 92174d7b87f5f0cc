/**
 * The derived layer on the page: the shards loaded so far and the knowledge over them. The engine imports this
 * with import(), so neither the merge nor the shard loaders weigh on the engine's chunk; it hands in what this
 * would otherwise share with it (the curated knowledge, the spec's target), so the two chunks share no module.
 */
import type { Knowledge } from "../facts";
import { derivedRelease, withDerived } from "../merge";
import type { Target } from "../types";
import { loadShard } from "./load-shard";
import { DerivedShardCache, type ShardLoader } from "./shard-cache";

/** The page's derived layer over the shards `loader` gives (tests hand in their own loader). */
export function derivedPage(loader: ShardLoader) {
  const shards = new DerivedShardCache(loader);
  let over: Knowledge | null = null;
  return {
    shards,
    /** The curated knowledge with the loaded shards under it. */
    knowledge: (curated: Knowledge): Knowledge => (over ??= withDerived(shards.lookup, curated)),
    /** Loads the shards `names` need on `target`, theirs and their dependencies' (never rejects). */
    ensure: (target: Target, names: readonly string[]) => shards.ensure(derivedRelease(target), names),
    /** Those of `names` whose shard failed to load. */
    failedNames: (target: Target, names: readonly string[]) => shards.failedNames(derivedRelease(target), names),
  };
}

export type DerivedPage = ReturnType<typeof derivedPage>;

/** The page's own: one import() per shard file. */
export const page: DerivedPage = derivedPage(loadShard);
