/**
 * The derived knowledge (lib/knowledge/derived/all.ts's API) read from the shard files on demand, synchronously:
 * the bundled CLI uses this in place of all.ts so that a start parses only the shards the command asks for,
 * not every release's few MB. The files sit in ./derived next to the bundle (dist/cli/derived), or in the
 * source tree (lib/knowledge/derived) when run from sources.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { normalizeName } from "../lib/knowledge/names";
import type { DebianRelease } from "../lib/knowledge/types";
import type { DERIVED_META as AllMeta } from "../lib/knowledge/derived/all";
import { derivedShardId, type DerivedEntry, type DerivedShard } from "../lib/knowledge/derived/types";

const RELEASES: readonly DebianRelease[] = ["bullseye", "bookworm", "trixie"];
const SHARD_COUNT = 64;

function dataDir(): string {
  const beside = fileURLToPath(new URL("./derived/", import.meta.url));
  return existsSync(beside) ? beside : fileURLToPath(new URL("../lib/knowledge/derived/", import.meta.url));
}

let dir: string | undefined;
function readJson(release: DebianRelease, file: string): unknown {
  dir ??= dataDir();
  return JSON.parse(readFileSync(`${dir}${release}/${file}`, "utf8"));
}

const shards = new Map<string, DerivedShard>();
function shard(release: DebianRelease, id: string): DerivedShard {
  const key = `${release}/${id}`;
  let s = shards.get(key);
  if (!s) {
    s = readJson(release, `${id}.json`) as DerivedShard;
    shards.set(key, s);
  }
  return s;
}

const metas = new Map<DebianRelease, unknown>();
function meta(release: DebianRelease) {
  if (!metas.has(release)) metas.set(release, readJson(release, "meta.json"));
  return metas.get(release);
}

/** What each release's data was derived from (meta.json), read when first asked for. */
export const DERIVED_META = Object.defineProperties({} as typeof AllMeta, Object.fromEntries(RELEASES.map((r) => [r, { enumerable: true, get: () => meta(r) }])));

/** The derived entry of a PyPI name (any spelling) on a release, if Debian packages it. */
export function derivedEntry(release: DebianRelease, name: string): DerivedEntry | undefined {
  if (!RELEASES.includes(release)) return undefined;
  const key = normalizeName(name);
  const s = shard(release, derivedShardId(key));
  return Object.hasOwn(s, key) ? s[key] : undefined;
}

const entries = new Map<DebianRelease, readonly DerivedEntry[]>();

/** Every derived entry of a release, sorted by name (reads all its shards). */
export function derivedEntries(release: DebianRelease): readonly DerivedEntry[] {
  let list = entries.get(release);
  if (!list) {
    const ids = Array.from({ length: SHARD_COUNT }, (_, i) => i.toString(16).padStart(2, "0"));
    list = ids.flatMap((id) => Object.values(shard(release, id))).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    entries.set(release, list);
  }
  return list;
}

/** shards.ts's API over the same files: one shard of one release. Rejects an unknown release or id. */
export function loadDerivedShard(release: DebianRelease, shardId: string): Promise<DerivedShard> {
  if (!RELEASES.includes(release) || !/^[0-9a-f]{2}$/.test(shardId)) return Promise.reject(new Error(`no derived shard ${release}/${shardId}`));
  try {
    return Promise.resolve(shard(release, shardId));
  } catch (e) {
    return Promise.reject(e);
  }
}
