import { describe, expect, it } from "vitest";
import { generateFiles as engineGenerateFiles, isKnowledgeReady, loadKnowledge } from "../engine";
import { generateFiles } from "../generate-files";
import { presetById, presetSpec } from "../presets";
import { DEFAULT_SPEC, parseSpec } from "../spec";
import { fromServedOutput, toServedOutput } from "./output";
import { fullKnowledge } from "../knowledge/derived/full";
import { CURATED } from "../knowledge/full-curated";

describe("the served output", () => {
  it("is what the page shows of generateFiles, the .dockerignore rendered on the page", () => {
    for (const spec of [DEFAULT_SPEC, presetSpec(presetById("seed-004-alpine-prefix")!), presetSpec(presetById("django-postgres")!)]) {
      const g = generateFiles(spec, CURATED);
      const served = toServedOutput(g);
      expect(served).not.toHaveProperty("dockerignore");
      expect(served.plan.packages.every((p) => !("knowledge" in p))).toBe(true);
      // What crosses the wire is plain JSON.
      const shown = fromServedOutput(JSON.parse(JSON.stringify(served)), spec);
      expect(shown.dockerfile).toBe(g.dockerfile);
      expect(shown.dockerignore).toBe(g.dockerignore);
      expect(shown.lineNotes).toEqual(g.lineNotes);
      expect(shown.warnings).toEqual(g.warnings);
      expect(shown.plan.builder).toEqual(g.plan.builder);
      expect(shown.plan.final).toEqual(g.plan.final);
      expect(shown.plan.packages).toEqual(g.plan.packages.map(({ requirement, name, install, detail }) => ({ requirement, name, install, detail })));
    }
  });
});

describe("the engine's generateFiles", () => {
  it("once the spec's facts have loaded (the page's own loaders), is the server's generateFiles, cached per spec", async () => {
    await loadKnowledge(DEFAULT_SPEC);
    expect(isKnowledgeReady(DEFAULT_SPEC)).toBe(true);
    const a = engineGenerateFiles(DEFAULT_SPEC);
    expect(a).toEqual(generateFiles(DEFAULT_SPEC, fullKnowledge));
    expect(engineGenerateFiles(DEFAULT_SPEC)).toBe(a);
    const copy = parseSpec(JSON.parse(JSON.stringify(DEFAULT_SPEC)));
    expect(copy.ok && engineGenerateFiles(copy.spec)).toBe(a);
  });
});

describe("the served Dockerfile", () => {
  it("comes with its printer's highlight", () => {
    const g = generateFiles(presetSpec(presetById("django-postgres")!), CURATED);
    const shown = fromServedOutput(JSON.parse(JSON.stringify(toServedOutput(g))), g.plan.spec);
    expect(shown.dockerfileHighlight).toEqual(g.dockerfileHighlight);
    expect(g.dockerfileHighlight.length).toBeGreaterThan(0);
  });
});
