/**
 * The derived layer on the page: the shards loaded so far and the knowledge over them. The engine imports this
 * with import(), so neither the merge nor the shard loaders weigh on the engine's chunk.
 */
import { withDerived } from "../merge";
import { loadShard } from "./load-shard";
import { DerivedShardCache } from "./shard-cache";

export { derivedRelease } from "../merge";

export const shards = new DerivedShardCache(loadShard);

export const knowledge = withDerived(shards.lookup);
