/**
 * The derived layer on the page: the shards loaded so far and the knowledge over them. The engine imports this
 * with import(), so neither the merge nor the shard loaders weigh on the engine's chunk.
 */
import type { BuildSpec } from "../../spec";
import { derivedRelease, withDerived } from "../merge";
import { VARIANTS } from "../python-images";
import { loadShard } from "./load-shard";
import { DerivedShardCache } from "./shard-cache";

export const shards = new DerivedShardCache(loadShard);

export const knowledge = withDerived(shards.lookup);

const releaseOf = (spec: BuildSpec) => derivedRelease(VARIANTS[spec.base].target);
const namesOf = (spec: BuildSpec) => spec.packages.map((p) => p.name);

/** Loads the shards `spec`'s packages need, theirs and their dependencies' (never rejects). */
export const ensure = (spec: BuildSpec) => shards.ensure(releaseOf(spec), namesOf(spec));

/** `spec`'s packages whose shard failed to load. */
export const failedNames = (spec: BuildSpec) => shards.failedNames(releaseOf(spec), namesOf(spec));
