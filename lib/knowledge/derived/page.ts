/**
 * The derived layer on the page: the shards loaded so far and the knowledge over them. The engine imports this
 * with import(), so neither the merge nor the shard loaders weigh on the engine's chunk; it hands in what this
 * would otherwise share with it (the curated knowledge, the spec's target), so the two chunks share no module.
 */
import type { Knowledge } from "../facts";
import { derivedRelease, withDerived } from "../merge";
import type { Target } from "../types";
import { loadShard } from "./load-shard";
import { DerivedShardCache } from "./shard-cache";

export const shards = new DerivedShardCache(loadShard);

let over: Knowledge | null = null;

/** The curated knowledge with the loaded shards under it. */
export function knowledge(curated: Knowledge): Knowledge {
  return (over ??= withDerived(shards.lookup, curated));
}

/** Loads the shards `names` need on `target`, theirs and their dependencies' (never rejects). */
export const ensure = (target: Target, names: readonly string[]) => shards.ensure(derivedRelease(target), names);

/** Those of `names` whose shard failed to load. */
export const failedNames = (target: Target, names: readonly string[]) => shards.failedNames(derivedRelease(target), names);
