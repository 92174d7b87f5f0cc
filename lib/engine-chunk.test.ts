/**
 * The engine's chunk carries no package facts: lib/engine.ts (which browser/engine.ts loads with import()) knows the
 * curated entries' names and summaries (packages/catalog.ts) and loads the entries and Debian's derived shards of the
 * packages a spec names with import() (lib/knowledge/page.ts). A static import of the entries or of the derived data
 * from anything the engine reaches would put all of them back in its chunk; this walks the static imports and fails
 * on any. The knowledge module the engine imports lazily may reach the loaders, but not the data either, nor the
 * Debian → Alpine name table.
 */
import { describe, expect, it } from "vitest";
import { reachable } from "./testing/static-imports";

/** Modules that hold (or statically import) every curated entry or the whole derived layer. */
const ALL_FACTS = ["lib/knowledge/index.ts", "lib/knowledge/packages/index.ts", "lib/knowledge/full-curated.ts", "lib/knowledge/derived/all.ts", "lib/knowledge/derived/full.ts"];
const isData = (m: string) => /^lib\/knowledge\/(packages\/[^/]+|derived\/[^/]+\/[^/]+)\.json$/.test(m);

describe("the engine's chunk", () => {
  const engine = reachable(["lib/engine.ts", "browser/engine.ts"]);
  const page = reachable(["lib/knowledge/page.ts"]);

  it("the walk finds what the engine needs (the walk works)", () => {
    expect(engine).toContain("lib/resolve.ts");
    expect(engine).toContain("lib/knowledge/packages/catalog.ts");
    expect(page).toContain("lib/knowledge/packages/load-entry.ts");
    expect(page).toContain("lib/knowledge/derived/shards.ts");
    // The walk does see a JSON file imported statically.
    expect(reachable(["lib/knowledge/packages/index.ts"])).toContain("lib/knowledge/packages/psycopg2.json");
  });

  it("reaches no curated entry, no derived shard and no module that imports them all", () => {
    expect([...engine].filter((m) => isData(m) || ALL_FACTS.includes(m))).toEqual([]);
  });

  it("the knowledge module imports none of them statically either (it loads them one by one)", () => {
    expect([...page].filter((m) => isData(m) || ALL_FACTS.includes(m))).toEqual([]);
    // The Debian → Alpine table is loaded for an Alpine target only.
    expect([...page, ...engine].filter((m) => m.startsWith("lib/knowledge/alpine"))).toEqual([]);
    // Nothing in common but the name normalisation (a few lines): each chunk carries its own code.
    expect([...engine].filter((m) => page.has(m))).toEqual(["lib/knowledge/names.ts"]);
  });
});
