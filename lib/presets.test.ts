import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "./generate";
import { PRESETS, presetSpec } from "./presets";
import { BuildSpecSchema } from "./spec";
import { installedPackages, parseDockerfile } from "./testing/dockerfile";

const GOLDEN = join(import.meta.dirname, "presets", "golden");

describe("presets", () => {
  it("each has a unique id, a one-sentence story and a valid spec", () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    for (const p of PRESETS) {
      expect(BuildSpecSchema.safeParse(p.input).success, p.id).toBe(true);
      expect(p.story.trim().split(/(?<=\.)\s/).length, p.id).toBe(1);
    }
  });
  it("include the four seed scenarios and at least six common stacks", () => {
    expect(PRESETS.filter((p) => p.seed).map((p) => p.seed)).toEqual(["000/001", "002", "003", "004"]);
    expect(PRESETS.filter((p) => !p.seed).length).toBeGreaterThanOrEqual(6);
  });
  it("match their reviewed golden Dockerfiles (regenerate with: npx tsx scripts/update-goldens.ts)", () => {
    expect(readdirSync(GOLDEN).sort()).toEqual(PRESETS.map((p) => `${p.id}.Dockerfile`).sort());
    for (const p of PRESETS) expect(generate(presetSpec(p)).dockerfile, p.id).toBe(readFileSync(join(GOLDEN, `${p.id}.Dockerfile`), "utf8"));
  });
  it("seed 000 fixes the article: the final stage installs the ODBC runtime library, the builder the compilers", () => {
    const p = PRESETS.find((x) => x.id === "seed-000-pyodbc-wheelhouse")!;
    const [builder, final] = parseDockerfile(generate(presetSpec(p)).dockerfile).stages;
    expect(installedPackages(builder)).toEqual(expect.arrayContaining(["gcc", "g++", "unixodbc-dev"]));
    expect(installedPackages(final)).toEqual(["libodbc1"]);
    expect(p.note).toMatch(/libodbc1/);
  });
  it("seed 002 reproduces site-packages copying with the console scripts", () => {
    const p = PRESETS.find((x) => x.id === "seed-002-flask-gunicorn")!;
    const text = generate(presetSpec(p)).dockerfile;
    expect(text).toContain("COPY --from=builder /usr/local/lib/python3.9/site-packages /usr/local/lib/python3.9/site-packages");
    expect(text).toContain("COPY --from=builder /usr/local/bin /usr/local/bin");
    expect(generate(presetSpec(p)).warnings.map((w) => w.code)).toContain("site-packages-pitfall");
  });
  it("seed 004 copies the prefix into /usr/local, where the image's Python looks", () => {
    const p = PRESETS.find((x) => x.id === "seed-004-alpine-prefix")!;
    expect(generate(presetSpec(p)).dockerfile).toContain("COPY --from=builder /install /usr/local");
  });
});
