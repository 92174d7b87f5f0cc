import { describe, expect, it } from "vitest";
import { generate } from "../generate";
import { PACKAGES } from "../knowledge";
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

describe("matchPackages", () => {
  it("ranks the exact name first, then prefixes", () => {
    const k = PACKAGES[0];
    if (!k) return; // the knowledge base is filled by others
    expect(matchPackages(k.display.toUpperCase())[0].name).toBe(k.name);
    for (const m of matchPackages(k.name.slice(0, 2))) expect(`${m.name} ${m.summary.toLowerCase()}`).toContain(k.name.slice(0, 2));
  });
  it("suggests nothing for nothing", () => {
    expect(matchPackages("   ")).toEqual([]);
  });
});

describe("describeFor", () => {
  it("answers with the resolver's plan for that one package", () => {
    for (const k of PACKAGES.slice(0, 10)) {
      const d = describeFor(DEFAULT_SPEC, k);
      const spec = parseSpec({ ...DEFAULT_SPEC, packages: [{ name: k.name }] });
      expect(spec.ok).toBe(true);
      if (!spec.ok) continue;
      const g = generate(spec.spec);
      expect(d.install).toBe(g.plan.packages[0].install);
      expect(d.build).toEqual(g.plan.builder.systemPackages.map((p) => p.name));
      expect(d.runtime).toEqual(g.plan.final.systemPackages.map((p) => p.name));
    }
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
