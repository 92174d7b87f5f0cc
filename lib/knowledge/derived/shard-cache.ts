/**
 * The derived layer as the page has it: the shards loaded so far, looked up synchronously, and loading the shards a
 * spec's packages need (theirs and, transitively, their requires'). Pure and browser-safe; the loader is passed in
 * (the page's does one import() per shard file).
 */
import { MAX_REQUIRES_DEPTH, type DerivedLookup } from "../merge";
import { normalizeName } from "../names";
import type { DebianRelease } from "../types";
import { derivedShardId, type DerivedShard } from "./types";

export type ShardLoader = (release: DebianRelease, shardId: string) => Promise<DerivedShard>;

const keyOf = (release: DebianRelease, shardId: string) => `${release}/${shardId}`;

export class DerivedShardCache {
  private readonly shards = new Map<string, DerivedShard>();
  private readonly pending = new Map<string, Promise<void>>();
  private readonly failed = new Set<string>();
  /** Changes whenever a shard arrives or fails: outputs computed before are stale. */
  version = 0;

  constructor(private readonly loadShard: ShardLoader) {}

  /** What the loaded shards know; a name whose shard has not arrived is unknown for now. */
  readonly lookup: DerivedLookup = (release, name) => this.shards.get(keyOf(release, derivedShardId(name)))?.[name];

  /** Whether the shard holding `name` has been loaded. */
  has(release: DebianRelease, name: string): boolean {
    return this.shards.has(keyOf(release, derivedShardId(normalizeName(name))));
  }

  /** Of `names`, those whose shard failed to load at the last attempt. */
  failedNames(release: DebianRelease, names: readonly string[]): string[] {
    return names.filter((n) => this.failed.has(keyOf(release, derivedShardId(normalizeName(n)))));
  }

  private fetch(release: DebianRelease, shardId: string): Promise<void> {
    const key = keyOf(release, shardId);
    if (this.shards.has(key)) return Promise.resolve();
    let p = this.pending.get(key);
    if (!p) {
      p = this.loadShard(release, shardId).then(
        (shard) => {
          this.shards.set(key, shard);
          this.failed.delete(key);
        },
        () => {
          this.failed.add(key);
        },
      );
      p = p.finally(() => {
        this.pending.delete(key);
        this.version++;
      });
      this.pending.set(key, p);
    }
    return p;
  }

  /**
   * Loads the shards of `names` and of their requires, level by level as deep as the resolver follows them. Never
   * rejects: a shard that fails is recorded (failedNames) and tried again by the next call that needs it.
   */
  async ensure(release: DebianRelease, names: readonly string[]): Promise<void> {
    const seen = new Set<string>();
    let level = [...new Set(names.map(normalizeName))];
    for (let depth = 0; depth <= MAX_REQUIRES_DEPTH && level.length; depth++) {
      for (const n of level) seen.add(n);
      await Promise.all([...new Set(level.map(derivedShardId))].map((id) => this.fetch(release, id)));
      const next = new Set<string>();
      for (const n of level) for (const r of this.lookup(release, n)?.requires ?? []) if (!seen.has(r)) next.add(r);
      level = [...next];
    }
  }
}
