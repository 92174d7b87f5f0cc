/**
 * How the page gets one shard of the derived layer: its own lazily loaded chunk per data file (shards.ts), so the
 * engine carries none of the data.
 */
export { loadDerivedShard as loadShard } from "./shards";
