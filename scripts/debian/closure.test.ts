import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { closeOver, createResolver, minbaseOf, slimImagePackages } from "./closure";
import { FIXTURE_RELEASE, writeFixtureIndices } from "./fixtures";
import { loadReleaseIndex } from "./indices";

const dir = writeFixtureIndices();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const idx = loadReleaseIndex(dir, FIXTURE_RELEASE);

describe("closure", () => {
  it("minbase: Priority required or Essential yes, plus apt", () => {
    expect(minbaseOf(idx.packages)).toEqual(["apt", "base-files", "libc6"]);
  });

  it("the slim image: minbase + the python image's own libraries, closed over Depends", () => {
    expect([...slimImagePackages(idx)].sort()).toEqual(["apt", "base-files", "libc6", "libgcc-s1", "libssl3", "libstdc++6", "zlib1g"]);
  });

  it("resolves a virtual name to its provider, records why, and prefers what the image has", () => {
    const r = createResolver(idx, new Set(), new Set(["libssl3"]));
    expect(r.resolveAtom({ name: "pkg-config" }, false)).toBe("pkgconf");
    expect(r.virtuals["pkg-config"]).toEqual({ chosen: "pkgconf", providers: ["pkgconf"], rule: "only provider" });
    expect(r.resolveGroup([{ name: "libfoo1" }, { name: "libssl3" }])).toBe("libssl3"); // already in the image
    expect(r.resolveGroup([{ name: "libnone" }, { name: "libfoo1" }])).toBe("libfoo1"); // first that exists
    expect(r.resolveGroup([{ name: "libfoo1", op: ">=", version: "9" }, { name: "libssl3", op: ">=", version: "9" }])).toBe("libfoo1");
    expect(r.resolveGroup([{ name: "libnone" }])).toBeUndefined();
    // versioned dependencies only match versioned Provides
    expect(r.resolveAtom({ name: "libbar-headers", op: ">=", version: "1" }, true)).toBeUndefined();
  });

  it("closes over resolved Depends and reports what nothing satisfies", () => {
    const r = createResolver(idx, new Set(), new Set());
    const unresolved = new Set<string>();
    const out = closeOver(idx, r, ["foo-tools", "pkg-config"], unresolved);
    expect(Object.keys(out).sort()).toEqual(["foo-tools", "libc6", "libfoo-common", "libfoo1", "pkgconf"]);
    expect(out["libfoo1"].depends).toEqual(["libc6", "libfoo-common"]);
    expect(unresolved.size).toBe(0);
    const u2 = new Set<string>();
    closeOver(idx, r, ["python3-foo"], u2);
    expect([...u2]).toEqual([]);
  });
});
