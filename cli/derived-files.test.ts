import { describe, expect, it } from "vitest";
import * as all from "../lib/knowledge/derived/all";
import * as files from "./derived-files";

describe("derived knowledge read from the shard files", () => {
  it("gives the same entries as the all-at-once module, for every release", () => {
    for (const release of ["bullseye", "bookworm", "trixie"] as const) {
      const expected = all.derivedEntries(release);
      expect(files.derivedEntries(release)).toEqual(expected);
      for (const e of expected.slice(0, 50)) expect(files.derivedEntry(release, e.display ?? e.name)).toEqual(all.derivedEntry(release, e.name));
      expect(files.DERIVED_META[release]).toEqual(all.DERIVED_META[release]);
    }
  });
  it("loads a shard as shards.ts does, and rejects an unknown one", async () => {
    const shards = await import("../lib/knowledge/derived/shards");
    expect(await files.loadDerivedShard("bookworm", "2a")).toEqual(await shards.loadDerivedShard("bookworm", "2a"));
    await expect(files.loadDerivedShard("bookworm", "zz")).rejects.toThrow(/no derived shard/);
    await expect(files.loadDerivedShard("buster" as never, "00")).rejects.toThrow(/no derived shard/);
  });
  it("answers undefined for an unknown name or release", () => {
    expect(files.derivedEntry("trixie", "surely-not-a-debian-packaged-project")).toBeUndefined();
    expect(files.derivedEntry("buster" as never, "numpy")).toBeUndefined();
  });
});
