import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { entryNames, indexSource } from "./curated-knowledge";

describe("curated knowledge index", () => {
  it("lib/knowledge/packages/index.ts is what npm run data:curated writes", () => {
    const written = readFileSync(join(import.meta.dirname, "../lib/knowledge/packages/index.ts"), "utf8");
    expect(written).toBe(indexSource(entryNames()));
  });

  it("names are sorted by code point and imported under distinct identifiers", () => {
    const src = indexSource(["a-b", "a-c", "b"]);
    expect(src.match(/^import e_\w+ from/gm)).toEqual(["import e_a_b from", "import e_a_c from", "import e_b from"]);
    expect(entryNames()).toEqual([...entryNames()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});
