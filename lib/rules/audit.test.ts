import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PRESETS, presetSpec } from "../presets";
import { resolve } from "../resolve";
import { BuildSpecSchema, DEFAULT_SPEC, type BuildSpecInput } from "../spec";
import { auditDockerfile, auditPlan, requirementNames } from "./audit";
import { RULES } from "./index";
import { DockerfileTooLarge, MAX_DOCKERFILE_BYTES } from "./parse";
import { CURATED } from "../knowledge/full-curated";

const GOLDEN = path.join(__dirname, "golden");
const plan = (over: Partial<BuildSpecInput>) => resolve(BuildSpecSchema.parse({ ...DEFAULT_SPEC, ...over }), CURATED);

describe("the rule index", () => {
  it("lists each rule once, each with its paired test file", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const files = readdirSync(__dirname);
    for (const id of ids) {
      expect(files).toContain(`${id}.ts`);
      expect(files).toContain(`${id}.test.ts`);
    }
  });
  it("docs/rules.md lists every rule with its severity", () => {
    const doc = readFileSync(path.join(__dirname, "..", "..", "docs", "rules.md"), "utf8");
    for (const r of RULES) expect(doc).toContain(`| \`${r.id}\` | ${r.severity} |`);
  });
});

describe("golden findings (reviewed by hand: lib/rules/golden/*.findings.json)", () => {
  for (const name of readdirSync(GOLDEN).filter((f) => f.endsWith(".Dockerfile")).map((f) => f.replace(/\.Dockerfile$/, ""))) {
    it(name, () => {
      const text = readFileSync(path.join(GOLDEN, `${name}.Dockerfile`), "utf8");
      const requirements = readFileSync(path.join(GOLDEN, `${name}.requirements.txt`), "utf8");
      const expected = JSON.parse(readFileSync(path.join(GOLDEN, `${name}.findings.json`), "utf8"));
      expect({ findings: auditDockerfile(text, { requirements }) }).toEqual(expected);
    });
  }
});

describe("presets audit clean", () => {
  for (const preset of PRESETS)
    it(`${preset.id}: no error, neither in the plan nor in its rendered Dockerfile`, () => {
      const errors = auditPlan(resolve(presetSpec(preset), CURATED)).filter((f) => f.severity === "error");
      expect(errors).toEqual([]);
    });
  it("the preset goldens, audited as files with their packages, have no error", () => {
    for (const preset of PRESETS) {
      const text = readFileSync(path.join(__dirname, "..", "presets", "golden", `${preset.id}.Dockerfile`), "utf8");
      const requirements = presetSpec(preset).packages.map((p) => p.name).join("\n");
      expect(auditDockerfile(text, { requirements }).filter((f) => f.severity === "error")).toEqual([]);
    }
  });
});

describe("plan checks", () => {
  it("removing gunicorn while the command still runs it is an error", () => {
    const p = plan({ packages: [{ name: "flask" }] });
    expect(auditPlan(p).filter((f) => f.rule === "command-installed").map((f) => f.severity)).toEqual(["error"]);
    expect(auditPlan(plan({})).filter((f) => f.rule === "command-installed")).toEqual([]);
  });
  it("GDAL: pinned by the plan on Debian, a finding on Alpine (no libgdal version known there)", () => {
    expect(auditPlan(plan({ packages: [{ name: "GDAL" }] })).filter((f) => f.rule === "gdal-pinned")).toEqual([]);
    expect(auditPlan(plan({ base: "alpine", packages: [{ name: "GDAL" }] })).filter((f) => f.rule === "gdal-pinned")).toHaveLength(1);
  });
  it("root user and a port that differs from the command's bind", () => {
    const p = plan({ runtime: { ...DEFAULT_SPEC.runtime, port: 9000, user: { ...DEFAULT_SPEC.runtime.user, enabled: false } } });
    const rules = auditPlan(p).map((f) => f.rule);
    expect(rules).toContain("root-user");
    expect(rules).toContain("expose-port");
  });
});

describe("hostile input", () => {
  it("refuses a file over the size limit", () => {
    expect(() => auditDockerfile("#".repeat(MAX_DOCKERFILE_BYTES + 1))).toThrow(DockerfileTooLarge);
  });
  it("stays linear on pathological text near the limit", () => {
    const cases = ["RUN " + "aaaaaaaaaaaaaaaaaaaa \\\n".repeat(9_000), "FROM python\n" + "RUN x\n".repeat(9_000), "FROM python:3.12\n" + "ENV " + "$A".repeat(60_000), "CMD [" + '"a",'.repeat(50_000), "RUN " + "&&".repeat(100_000)];
    for (const text of cases) {
      const t = performance.now();
      auditDockerfile(text.slice(0, MAX_DOCKERFILE_BYTES));
      expect(performance.now() - t).toBeLessThan(3000);
    }
  });
  it("requirement names skip options, comments and URLs", () => {
    expect([...requirementNames("# c\n-r base.txt\nflask>=3 # web\n--index-url https://x\npsycopg[binary]==3.2\n")]).toEqual(["flask", "psycopg"]);
  });
});
