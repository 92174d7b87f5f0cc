/**
 * How the page gets one shard of the derived layer: its own lazily loaded chunk per data file, so the engine
 * carries none of the data.
 */
import type { ShardLoader } from "./shard-cache";

export const loadShard: ShardLoader = async () => ({});
