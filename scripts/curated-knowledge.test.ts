import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { catalogSource, entryNames, generatedFiles, indexSource, loaderSource } from "./curated-knowledge";

describe("curated knowledge index", () => {
  it("lib/knowledge/packages/{index,catalog,load-entry}.ts are what npm run data:curated writes", () => {
    const files = generatedFiles();
    expect(Object.keys(files).sort()).toEqual(["catalog.ts", "index.ts", "load-entry.ts"]);
    for (const [file, text] of Object.entries(files)) expect(readFileSync(join(import.meta.dirname, "../lib/knowledge/packages", file), "utf8"), file).toBe(text);
  });

  it("the same entries give the same bytes, whatever order they are read in", () => {
    expect(generatedFiles()).toEqual(generatedFiles());
    const entries = [
      { name: "b", display: "B", summary: 'quotes " and \\ escaped' },
      { name: "a-b", display: "A_B", summary: "one line" },
    ];
    expect(catalogSource(entries)).toBe(catalogSource([...entries]));
    expect(catalogSource(entries)).toContain('{ name: "b", display: "B", summary: "quotes \\" and \\\\ escaped" },');
    expect(loaderSource(["a-b", "b"])).toMatch(/^ {2}"a-b": \(\) => import\("\.\/a-b\.json", \{ with: \{ type: "json" \} \}\),$/m);
  });

  it("names are sorted by code point and imported under distinct identifiers", () => {
    const src = indexSource(["a-b", "a-c", "b"]);
    expect(src.match(/^import e_\w+ from/gm)).toEqual(["import e_a_b from", "import e_a_c from", "import e_b from"]);
    expect(entryNames()).toEqual([...entryNames()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});
