import { describe, expect, it } from "vitest";
import { generate } from "../generate";
import { PACKAGES } from "../knowledge";
import { CURATED } from "../knowledge/full-curated";
import { CURATED_CATALOG } from "../knowledge/packages/catalog";
import { DEFAULT_SPEC, parseSpec } from "../spec";
import { outputFiles } from "./files";
import { describeFor, matchPackages, typedName } from "./suggest";

describe("typedName", () => {
  it("takes the name part of a requirement", () => {
    expect(typedName("psycopg2>=2.9")).toBe("psycopg2");
    expect(typedName("  uvicorn[standard]")).toBe("uvicorn");
    expect(typedName("")).toBe("");
  });
});

describe("the catalog", () => {
  it("is every curated entry's name, display name and summary, in the entries' order", () => {
    expect(CURATED_CATALOG).toEqual(PACKAGES.map(({ name, display, summary }) => ({ name, display, summary })));
  });
});

describe("matchPackages", () => {
  it("ranks the exact name first, then prefixes", () => {
    const k = CURATED_CATALOG[0];
    expect(matchPackages(CURATED_CATALOG, k.display.toUpperCase())[0].name).toBe(k.name);
    for (const m of matchPackages(CURATED_CATALOG, k.name.slice(0, 2))) expect(`${m.name} ${m.summary.toLowerCase()}`).toContain(k.name.slice(0, 2));
    expect(matchPackages(CURATED_CATALOG, "psycopg").map((m) => m.name)).toEqual(["psycopg", "psycopg-c", "psycopg2", "psycopg2-binary"]);
  });
  it("suggests nothing for nothing", () => {
    expect(matchPackages(CURATED_CATALOG, "   ")).toEqual([]);
  });
});

describe("describeFor", () => {
  it("answers with the resolver's plan for that one package", () => {
    for (const k of CURATED_CATALOG.slice(0, 10)) {
      const d = describeFor(DEFAULT_SPEC, k, CURATED).needs!;
      const spec = parseSpec({ ...DEFAULT_SPEC, packages: [{ name: k.name }] });
      expect(spec.ok).toBe(true);
      if (!spec.ok) continue;
      const g = generate(spec.spec);
      expect(d.install).toBe(g.plan.packages[0].install);
      expect(d.build).toEqual(g.plan.builder.systemPackages.map((p) => p.name));
      expect(d.runtime).toEqual(g.plan.final.systemPackages.map((p) => p.name));
    }
  });
  it("plans a package whose entry is not in the knowledge given as unknown (the engine waits for the entry)", () => {
    const psycopg2 = CURATED_CATALOG.find((e) => e.name === "psycopg2")!;
    expect(describeFor(DEFAULT_SPEC, psycopg2, CURATED).needs!.build).toContain("libpq-dev");
    expect(describeFor(DEFAULT_SPEC, psycopg2, { facts: () => undefined, dependencies: () => [] }).needs!.install).toBe("unknown");
  });
});

describe("outputFiles", () => {
  it("adds requirements.txt only when the packages were typed in", () => {
    expect(outputFiles(DEFAULT_SPEC, generate(DEFAULT_SPEC)).map((f) => f.name)).toEqual(["Dockerfile", ".dockerignore", "compose.yaml", "requirements.txt"]);
    const none = parseSpec({ ...DEFAULT_SPEC, packages: [] });
    if (none.ok) expect(outputFiles(none.spec, generate(none.spec)).map((f) => f.name)).toEqual(["Dockerfile", ".dockerignore", "compose.yaml"]);
    const lock = parseSpec({ ...DEFAULT_SPEC, dependencySource: "uv-lock" });
    if (lock.ok) expect(outputFiles(lock.spec, generate(lock.spec)).map((f) => f.name)).toEqual(["Dockerfile", ".dockerignore", "compose.yaml"]);
  });
});
