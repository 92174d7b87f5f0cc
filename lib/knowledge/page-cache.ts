/**
 * The package facts as the page has them: the curated entries and the derived shards loaded so far, looked up
 * synchronously, and loading what a spec's packages need (their entries and shards, and transitively those of the
 * packages they pull: Debian's requires, the curated extras'). Pure and browser-safe; the loaders are passed in (the
 * page's do one import() per entry file and per shard file).
 */
import type { DerivedShard } from "./derived/types";
import { derivedShardId } from "./derived/types";
import type { CuratedLookup } from "./facts";
import { MAX_REQUIRES_DEPTH, type AlpineLookup, type DerivedLookup } from "./merge";
import { normalizeName } from "./names";
import type { DebianRelease, PackageKnowledge } from "./types";

export type ShardLoader = (release: DebianRelease, shardId: string) => Promise<DerivedShard>;

export interface PageLoaders {
  /** The names that have a curated entry (the catalog): only these are asked of `curated`. */
  curatedNames: ReadonlySet<string>;
  /** The curated entry of one of `curatedNames`. */
  curated: (name: string) => Promise<PackageKnowledge>;
  derived: ShardLoader;
  /** The Debian → Alpine name table (only an Alpine target's derived facts need it). */
  alpine: () => Promise<AlpineLookup>;
}

/**
 * Extras pull packages the resolver plans as if listed (psycopg[c] → psycopg-c), whose requires it follows
 * MAX_REQUIRES_DEPTH deep: one level more than that is all a spec can reach.
 */
const LEVELS = MAX_REQUIRES_DEPTH + 2;

/** Values loaded once per key: a load in flight is shared, a failed one is recorded and tried again when asked. */
class Loads<V> {
  private readonly done = new Map<string, V>();
  private readonly pending = new Map<string, Promise<void>>();
  private readonly failed = new Set<string>();

  constructor(private readonly settled: () => void) {}

  get(key: string): V | undefined {
    return this.done.get(key);
  }

  /** Loaded, or failed with no new attempt in flight: nothing more will come of it until asked again. */
  isSettled(key: string): boolean {
    return this.done.has(key) || (this.failed.has(key) && !this.pending.has(key));
  }

  hasFailed(key: string): boolean {
    return this.failed.has(key);
  }

  load(key: string, load: () => Promise<V>): Promise<void> {
    if (this.done.has(key)) return Promise.resolve();
    let p = this.pending.get(key);
    if (!p) {
      p = load()
        .then(
          (value) => {
            this.done.set(key, value);
            this.failed.delete(key);
          },
          () => {
            this.failed.add(key);
          },
        )
        .finally(() => {
          this.pending.delete(key);
          this.settled();
        });
      this.pending.set(key, p);
    }
    return p;
  }
}

const shardKey = (release: DebianRelease, name: string) => `${release}/${derivedShardId(name)}`;

export class PageKnowledgeCache {
  /** Changes whenever an entry or a shard arrives or fails: outputs computed before are stale. */
  version = 0;
  private readonly entries = new Loads<PackageKnowledge>(() => this.version++);
  private readonly shards = new Loads<DerivedShard>(() => this.version++);
  private readonly tables = new Loads<AlpineLookup>(() => this.version++);

  constructor(private readonly loaders: PageLoaders) {}

  /** The curated entries loaded so far; a curated name whose entry has not arrived is unknown for now. */
  readonly curated: CuratedLookup = (name) => this.entries.get(name);

  /** What the loaded shards know; a name whose shard has not arrived is unknown for now. */
  readonly derived: DerivedLookup = (release, name) => this.shards.get(shardKey(release, name))?.[name];

  /** The Debian → Alpine table once loaded (ensureAlpine); until then it knows no name. */
  readonly alpine: AlpineLookup = {
    row: (debianName) => this.tables.get("alpine")?.row(debianName),
    debianOnly: (debianName) => this.tables.get("alpine")?.debianOnly(debianName) ?? false,
  };

  /** Loads the Debian → Alpine table. Never rejects: a failure is recorded (alpineFailed) and tried again next time. */
  ensureAlpine(): Promise<void> {
    return this.tables.load("alpine", this.loaders.alpine);
  }

  /** Whether the Debian → Alpine table failed to load at the last attempt. */
  alpineFailed(): boolean {
    return this.tables.hasFailed("alpine");
  }

  private isCurated(name: string): boolean {
    return this.loaders.curatedNames.has(name);
  }

  private loadEntry(name: string): Promise<void> {
    return this.isCurated(name) ? this.entries.load(name, () => this.loaders.curated(name)) : Promise.resolve();
  }

  private loadShard(release: DebianRelease, name: string): Promise<void> {
    return this.shards.load(shardKey(release, name), () => this.loaders.derived(release, derivedShardId(name)));
  }

  /** The names `name` pulls, as far as its loaded entry and shard say. */
  private pulled(release: DebianRelease, name: string): string[] {
    const extras = Object.values(this.entries.get(name)?.extras ?? {}).flatMap((e) => e.requires ?? []);
    return [...extras, ...(this.derived(release, name)?.requires ?? [])];
  }

  /** The next level of a walk from `names` through what they pull: the names not seen yet (added to `seen`). */
  private next(release: DebianRelease, level: readonly string[], seen: Set<string>): string[] {
    const next = new Set<string>();
    for (const n of level) for (const p of this.pulled(release, n)) if (!seen.has(p)) next.add(p);
    for (const n of next) seen.add(n);
    return [...next];
  }

  private first(names: readonly string[], seen: Set<string>): string[] {
    const level = [...new Set(names.map(normalizeName))];
    for (const n of level) seen.add(n);
    return level;
  }

  /**
   * Loads the entries and shards of `names` and of what they pull, level by level. Never rejects: what fails is
   * recorded (failedNames) and tried again by the next call that needs it.
   */
  async ensure(release: DebianRelease, names: readonly string[]): Promise<void> {
    const seen = new Set<string>();
    for (let level = this.first(names, seen), depth = 0; depth < LEVELS && level.length; level = this.next(release, level, seen), depth++)
      await Promise.all(level.flatMap((n) => [this.loadEntry(n), this.loadShard(release, n)]));
  }

  /** Loads the curated entries of `names` alone (what the package suggestions describe). Never rejects. */
  async ensureCurated(names: readonly string[]): Promise<void> {
    await Promise.all(names.map((n) => this.loadEntry(normalizeName(n))));
  }

  /**
   * Whether the curated entries of `names` and of what they pull (as far as what has loaded says) have settled
   * (arrived or failed), so that an output made now can be shown: a curated package is never planned as unknown
   * while its entry is on its way. Debian's shards do not hold it: what they add comes in a new output when they
   * arrive, so an edit naming a package without an entry is shown at once (waiting for its shard would put a
   * network round trip into every such keystroke).
   */
  isReady(release: DebianRelease, names: readonly string[]): boolean {
    const settled = (n: string) => !this.isCurated(n) || this.entries.isSettled(n);
    const seen = new Set<string>();
    for (let level = this.first(names, seen), depth = 0; depth < LEVELS && level.length; level = this.next(release, level, seen), depth++)
      if (!level.every(settled)) return false;
    return true;
  }

  /** Whether the curated entry of `name` is loaded (a name without one: false). */
  hasCurated(name: string): boolean {
    return this.entries.get(normalizeName(name)) !== undefined;
  }

  /** Of `names`, those whose curated entry or derived shard failed to load at the last attempt. */
  failedNames(release: DebianRelease, names: readonly string[]): { curated: string[]; derived: string[] } {
    const key = (n: string) => normalizeName(n);
    return {
      curated: names.filter((n) => this.entries.hasFailed(key(n))),
      derived: names.filter((n) => this.shards.hasFailed(shardKey(release, key(n)))),
    };
  }
}
