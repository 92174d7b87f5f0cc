import { describe, expect, it } from "vitest";
import { PACKAGES } from "./index";
import { VERIFICATION_REPORTS, runtimeVerification, verificationLine } from "./verification";

describe("verification reports", () => {
  const names = new Set(PACKAGES.map((p) => p.name));
  for (const [release, report] of Object.entries(VERIFICATION_REPORTS)) {
    it(`${release}: names curated entries only, in order, each with a line for explain`, () => {
      expect(report!.release).toBe(release);
      const order = report!.runtime.map((r) => r.name);
      expect(order).toEqual([...order].sort());
      for (const r of report!.runtime) {
        expect(names.has(r.name), r.name).toBe(true);
        const line = verificationLine(r.name, report!.release)!;
        expect(line, r.name).toContain(release);
        if (r.status === "missing") for (const m of r.missing) expect(line).toContain(m.soname);
        if (r.status === "redundant") for (const p of r.redundant) expect(line).toContain(p);
      }
    });
  }

  for (const [release, report] of Object.entries(VERIFICATION_REPORTS)) {
    it(`${release}: every compiled curated entry has a build result, or the reason it cannot be built here`, () => {
      const built = new Map(report!.build.map((b) => [b.name, b]));
      const compiled = report!.runtime.filter((r) => r.status !== "not-compiled").map((r) => r.name);
      expect(compiled.length).toBeGreaterThan(30);
      for (const name of compiled) {
        const b = built.get(name);
        expect(b, name).toBeDefined();
        // A result the check itself could not reach is not a result.
        expect(b!.status, name).not.toBe("failed");
        if (b!.status === "not-buildable") expect(b!.details[0]?.length ?? 0, name).toBeGreaterThan(20);
      }
    });
  }

  it("says which program a program's build ran", () => {
    for (const report of Object.values(VERIFICATION_REPORTS)) {
      const uwsgi = report!.build.find((b) => b.name === "uwsgi");
      expect(uwsgi?.program?.command, report!.release).toBe("uwsgi --version");
      if (uwsgi?.status === "ok") expect(verificationLine("uwsgi", report!.release)).toContain("the uwsgi program, checked with ldd and `uwsgi --version`");
    }
  });

  it("says nothing for Alpine or an unknown name", () => {
    expect(verificationLine("lxml", "alpine")).toBeUndefined();
    expect(runtimeVerification("not-a-package", "bookworm")).toBeUndefined();
  });
});
