import { describe, expect, it } from "vitest";
import { fixtureLookup, fixtureShard } from "../../testing/derived-fixture";
import type { DebianRelease } from "../types";
import { DerivedShardCache } from "./shard-cache";
import { derivedShardId } from "./types";

function recordingCache(fail: (release: DebianRelease, id: string) => boolean = () => false) {
  const calls: string[] = [];
  const cache = new DerivedShardCache(async (release, id) => {
    calls.push(`${release}/${id}`);
    await Promise.resolve();
    if (fail(release, id)) throw new Error("network down");
    return fixtureShard(release, id);
  });
  return { cache, calls };
}

describe("DerivedShardCache", () => {
  it("knows nothing before loading; after ensure, the named packages and their requires, transitively", async () => {
    const { cache, calls } = recordingCache();
    expect(cache.lookup("bookworm", "django-auth-ldap")).toBeUndefined();
    await cache.ensure("bookworm", ["Django_Auth_LDAP"]);
    for (const name of ["django-auth-ldap", "django", "python-ldap", "pyasn1", "pyasn1-modules", "asgiref", "sqlparse"])
      expect(cache.lookup("bookworm", name), name).toEqual(fixtureLookup("bookworm", name));
    // One load per shard, none for another release.
    expect(new Set(calls).size).toBe(calls.length);
    expect(calls.every((c) => c.startsWith("bookworm/"))).toBe(true);
    expect(cache.lookup("trixie", "django-auth-ldap")).toBeUndefined();
    const before = calls.length;
    await cache.ensure("bookworm", ["django-auth-ldap"]);
    expect(calls.length).toBe(before);
  });

  it("shares a load in flight", async () => {
    const { cache, calls } = recordingCache();
    await Promise.all([cache.ensure("trixie", ["pyicu"]), cache.ensure("trixie", ["pyicu"])]);
    expect(calls).toEqual([`trixie/${derivedShardId("pyicu")}`]);
  });

  it("records a failed shard, never rejects, and tries it again next time", async () => {
    let down = true;
    const { cache, calls } = recordingCache(() => down);
    const version = cache.version;
    await expect(cache.ensure("trixie", ["pyicu"])).resolves.toBeUndefined();
    expect(cache.version).not.toBe(version);
    expect(cache.failedNames("trixie", ["PyICU", "six"])).toEqual(["PyICU", ...(derivedShardId("six") === derivedShardId("pyicu") ? ["six"] : [])]);
    expect(cache.lookup("trixie", "pyicu")).toBeUndefined();
    down = false;
    await cache.ensure("trixie", ["pyicu"]);
    expect(calls.length).toBe(2);
    expect(cache.failedNames("trixie", ["pyicu"])).toEqual([]);
    expect(cache.lookup("trixie", "pyicu")?.compiled).toBe(true);
  });
});
