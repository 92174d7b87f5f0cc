import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEBIAN_RELEASES } from "../../lib/knowledge/types";
import { SNAPSHOT_PATH, WEIGHTS_PATH } from "./paths";
import { knowledgeNames, serializeSnapshot, serializeWeights, type Snapshot, weightsFromSnapshot } from "./snapshot";

const committedText = readFileSync(SNAPSHOT_PATH, "utf8");
const committed = JSON.parse(committedText) as Snapshot;

describe("snapshot serialisation", () => {
  it("reproduces the committed snapshot's bytes from its own parse (sorted keys, one line per package)", () => {
    expect(serializeSnapshot(committed) === committedText).toBe(true);
  });

  it("is independent of key order", () => {
    const reverse = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reverse)
      : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverse(x)]))
      : v;
    const shuffled = reverse(committed) as Snapshot;
    expect(Object.keys(shuffled.releases.bookworm.packages)[0]).not.toBe(Object.keys(committed.releases.bookworm.packages)[0]);
    expect(serializeSnapshot(shuffled) === committedText).toBe(true);
  });

  it("the weights projection of the committed snapshot is the committed debian-weights.json", () => {
    expect(serializeWeights(weightsFromSnapshot(committed)) === readFileSync(WEIGHTS_PATH, "utf8")).toBe(true);
  });
});

describe("knowledgeNames", () => {
  it("lists the knowledge's and toolchains' Debian names, sorted, for each release", () => {
    for (const r of DEBIAN_RELEASES) {
      const names = knowledgeNames(r);
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(names).toContain("gcc");
      expect(names.length).toBeGreaterThan(20);
    }
  });
});
