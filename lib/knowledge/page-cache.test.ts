import { describe, expect, it } from "vitest";
import { fixtureLookup, fixtureShard } from "../testing/derived-fixture";
import { ALPINE_LOOKUP, alpineFor } from "./alpine";
import { derivedShardId } from "./derived/types";
import { lookupPackage, PACKAGES } from "./index";
import { CURATED_CATALOG } from "./packages/catalog";
import { loadCuratedEntry } from "./packages/load-entry";
import { PageKnowledgeCache } from "./page-cache";
import type { DebianRelease } from "./types";

const CURATED_NAMES = new Set(CURATED_CATALOG.map((e) => e.name));

/** A cache over the fixture shards and the real curated entries, recording each load; `fail` picks loads that fail. */
function recordingCache(fail: (key: string) => boolean = () => false) {
  const calls: string[] = [];
  const load = async <T,>(key: string, value: () => T): Promise<T> => {
    calls.push(key);
    await Promise.resolve();
    if (fail(key)) throw new Error("network down");
    return value();
  };
  const cache = new PageKnowledgeCache({
    curatedNames: CURATED_NAMES,
    curated: (name) => load(`curated/${name}`, () => lookupPackage(name)!),
    derived: (release: DebianRelease, id: string) => load(`${release}/${id}`, () => fixtureShard(release, id)),
    alpine: () => load("alpine", () => ALPINE_LOOKUP),
  });
  return { cache, calls };
}

/** A cache whose shards arrive at once and whose curated entries wait for `releaseEntry()`. */
function entriesHeld() {
  let releaseEntry = () => {};
  const entryGate = new Promise<void>((r) => (releaseEntry = r));
  const cache = new PageKnowledgeCache({
    curatedNames: CURATED_NAMES,
    curated: async (name) => (await entryGate, lookupPackage(name)!),
    derived: async (release, id) => fixtureShard(release, id),
    alpine: async () => ALPINE_LOOKUP,
  });
  return { cache, releaseEntry };
}

describe("PageKnowledgeCache", () => {
  it("knows nothing before loading; after ensure, the named packages and their requires, transitively", async () => {
    const { cache, calls } = recordingCache();
    expect(cache.derived("bookworm", "django-auth-ldap")).toBeUndefined();
    await cache.ensure("bookworm", ["Django_Auth_LDAP"]);
    for (const name of ["django-auth-ldap", "django", "python-ldap", "pyasn1", "pyasn1-modules", "asgiref", "sqlparse"])
      expect(cache.derived("bookworm", name), name).toEqual(fixtureLookup("bookworm", name));
    // python-ldap, reached through Debian's requires, is curated: its entry came too.
    expect(cache.curated("python-ldap")).toEqual(lookupPackage("python-ldap"));
    // One load per shard and entry, none for another release, none for a name without a curated entry.
    expect(new Set(calls).size).toBe(calls.length);
    expect(calls.filter((c) => c.startsWith("curated/"))).toEqual(["curated/python-ldap"]);
    expect(calls.every((c) => c.startsWith("bookworm/") || c.startsWith("curated/"))).toBe(true);
    expect(cache.derived("trixie", "django-auth-ldap")).toBeUndefined();
    const before = calls.length;
    await cache.ensure("bookworm", ["django-auth-ldap"]);
    expect(calls.length).toBe(before);
  });

  it("loads a curated package's entry with its shard, and the packages its extras pull", async () => {
    const { cache, calls } = recordingCache();
    expect(cache.curated("psycopg")).toBeUndefined();
    await cache.ensure("trixie", ["psycopg"]);
    expect(cache.curated("psycopg")).toEqual(lookupPackage("psycopg"));
    // psycopg[c] pulls psycopg-c: its facts are there whether or not the spec names the extra.
    expect(cache.curated("psycopg-c")).toEqual(lookupPackage("psycopg-c"));
    expect(calls).toContain(`trixie/${derivedShardId("psycopg-c")}`);
    expect(calls.filter((c) => c.startsWith("curated/")).sort()).toEqual(["curated/psycopg", "curated/psycopg-c"]);
  });

  it("is not ready while a curated entry is on its way, even when the shard is there", async () => {
    const { cache, releaseEntry } = entriesHeld();
    const loading = cache.ensure("bookworm", ["psycopg2"]);
    await new Promise((r) => setTimeout(r, 0));
    expect(cache.derived("bookworm", "psycopg2")).toBeDefined();
    expect(cache.isReady("bookworm", ["psycopg2"])).toBe(false);
    releaseEntry();
    await loading;
    expect(cache.isReady("bookworm", ["psycopg2"])).toBe(true);
  });

  it("is held by a curated entry it reaches through Debian's requires once that is known, not by the shards", async () => {
    const { cache, releaseEntry } = entriesHeld();
    // Nothing curated is known to be needed yet: an output may be shown (Debian's facts follow when they arrive).
    expect(cache.isReady("bookworm", ["django-auth-ldap"])).toBe(true);
    const loading = cache.ensure("bookworm", ["django-auth-ldap"]);
    await new Promise((r) => setTimeout(r, 0));
    // Its shard says it pulls python-ldap, whose curated entry is on its way.
    expect(cache.derived("bookworm", "django-auth-ldap")?.requires).toContain("python-ldap");
    expect(cache.isReady("bookworm", ["django-auth-ldap"])).toBe(false);
    releaseEntry();
    await loading;
    expect(cache.isReady("bookworm", ["django-auth-ldap"])).toBe(true);
  });

  it("shares a load in flight", async () => {
    const { cache, calls } = recordingCache();
    await Promise.all([cache.ensure("trixie", ["pyicu"]), cache.ensure("trixie", ["pyicu"])]);
    expect(calls).toEqual([`trixie/${derivedShardId("pyicu")}`]);
  });

  it("records a failed load, never rejects, counts it as settled, and tries it again next time", async () => {
    let down = true;
    const { cache, calls } = recordingCache(() => down);
    const version = cache.version;
    await expect(cache.ensure("trixie", ["pyicu", "psycopg2"])).resolves.toBeUndefined();
    expect(cache.version).not.toBe(version);
    expect(cache.isReady("trixie", ["pyicu", "psycopg2"])).toBe(true);
    expect(cache.failedNames("trixie", ["PyICU", "psycopg2"])).toEqual({ curated: ["psycopg2"], derived: ["PyICU", "psycopg2"] });
    expect(cache.derived("trixie", "pyicu")).toBeUndefined();
    down = false;
    const retry = cache.ensure("trixie", ["pyicu", "psycopg2"]);
    // psycopg2's entry is being tried again: not ready until that settles.
    expect(cache.isReady("trixie", ["pyicu", "psycopg2"])).toBe(false);
    await retry;
    expect(cache.isReady("trixie", ["pyicu", "psycopg2"])).toBe(true);
    expect(calls.filter((c) => c === `trixie/${derivedShardId("pyicu")}`).length).toBe(2);
    expect(cache.failedNames("trixie", ["pyicu", "psycopg2"])).toEqual({ curated: [], derived: [] });
    expect(cache.derived("trixie", "pyicu")?.compiled).toBe(true);
  });

  it("loads the Debian → Alpine table only when asked, and knows no name before", async () => {
    const { cache, calls } = recordingCache();
    await cache.ensure("trixie", ["pyaudio"]);
    expect(calls).not.toContain("alpine");
    expect(cache.alpine.row("zlib1g-dev")).toBeUndefined();
    await cache.ensureAlpine();
    expect(cache.alpine.row("zlib1g-dev")).toEqual(alpineFor("zlib1g-dev"));
    expect(cache.alpineFailed()).toBe(false);
  });

  it("ensureCurated loads entries alone", async () => {
    const { cache, calls } = recordingCache();
    await cache.ensureCurated(["Pillow", "not-curated"]);
    expect(calls).toEqual(["curated/pillow"]);
    expect(cache.hasCurated("pillow")).toBe(true);
    expect(cache.hasCurated("not-curated")).toBe(false);
  });
});

describe("the page's curated entry loader", () => {
  it("loads every entry of the catalog as the server has it, and rejects other names", async () => {
    for (const k of PACKAGES) expect(await loadCuratedEntry(k.name), k.name).toEqual(k);
    await expect(loadCuratedEntry("flask")).rejects.toThrow("no curated entry flask");
    await expect(loadCuratedEntry("__proto__")).rejects.toThrow();
  });
});
