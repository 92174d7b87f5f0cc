import { describe, expect, it } from "vitest";
import { lookupPackage } from "./knowledge";
import { TOOLCHAINS } from "./knowledge/toolchains";
import { resolve } from "./resolve";
import { BuildSpecSchema, DEFAULT_SPEC, type BuildSpecInput } from "./spec";
import { CURATED } from "./knowledge/full-curated";
import { withDerived } from "./knowledge/merge";
import { fixtureLookup } from "./testing/derived-fixture";
import { ALPINE_LOOKUP } from "./knowledge/alpine";

const plan = (over: Partial<BuildSpecInput>) => resolve(BuildSpecSchema.parse({ ...DEFAULT_SPEC, python: "3.13", ...over }), withDerived(fixtureLookup, CURATED, ALPINE_LOOKUP));
const names = (pkgs: { name: string }[]) => pkgs.map((p) => p.name);

describe("resolve with the derived layer", () => {
  it("pure vs unknown: Flask and gunicorn are pure Python from Debian's data, an internal name stays unknown", () => {
    const p = plan({ base: "slim-bookworm", packages: [{ name: "Flask" }, { name: "gunicorn" }, { name: "some-internal-lib" }] });
    expect(p.packages.map((r) => [r.name, r.install, r.derived])).toEqual([
      ["flask", "pure", true],
      ["gunicorn", "pure", true],
      ["some-internal-lib", "unknown", undefined],
    ]);
    expect(p.packages[0].detail).toBe("Debian packages it as pure Python (Debian bookworm python3-flask 1.0-1).");
    // Flask's compiled dependency (MarkupSafe) brings no system package: nothing planned, no "via".
    expect(p.builder.systemPackages).toEqual([]);
    expect(p.final.systemPackages).toEqual([]);
    expect(p.packages[0].carries).toBeUndefined();
    // Without the derived layer both are unknown, as before.
    const curatedOnly = resolve(BuildSpecSchema.parse({ ...DEFAULT_SPEC, packages: [{ name: "Flask" }] }), CURATED);
    expect(curatedOnly.packages[0].install).toBe("unknown");
  });

  it("a derived-only compiled package: build needs in the builder, run-time needs in the final image, and a note", () => {
    const p = plan({ base: "slim-bookworm", packages: [{ name: "PyICU" }] });
    const r = p.packages[0];
    expect([r.install, r.derived]).toEqual(["source", true]);
    expect(r.detail).toMatch(/^Debian compiles it \(Debian bookworm python3-pyicu 1\.0-1\) and no wheel facts are known/);
    expect(names(p.builder.systemPackages)).toEqual([...new Set([...TOOLCHAINS["c++"].bookworm, "libicu-dev", "pkgconf"])].sort());
    expect(names(p.final.systemPackages)).toEqual(["libicu72"]);
    expect(p.final.systemPackages[0].reasons).toEqual([{ kind: "python-package", pythonPackage: "pyicu", why: "Depends of Debian's python3-pyicu (bookworm 1.0-1)" }]);
    const note = p.warnings.find((w) => w.code === "derived-no-wheel-facts");
    expect(note?.message).toMatch(/a wheel may make them unnecessary/);
    // pip is not forced to compile it: a wheel may exist.
    expect(p.compiled).toEqual([]);
    expect(plan({ base: "slim-bookworm", buildFromSource: true, packages: [{ name: "PyICU" }] }).compiled).toEqual(["pyicu"]);
  });

  it("transitive needs through a pure wrapper: django-auth-ldap carries python-ldap's, each reason says via python-ldap", () => {
    const ldap = lookupPackage("python-ldap")!;
    const p = plan({ base: "slim-bookworm", packages: [{ name: "django-auth-ldap" }] });
    const r = p.packages[0];
    expect([r.install, r.carries]).toEqual(["pure", ["python-ldap"]]);
    const alone = plan({ base: "slim-bookworm", packages: [{ name: "python-ldap" }] });
    // The same packages python-ldap itself plans (curated needs win over Debian's), traced to django-auth-ldap.
    expect(names(p.builder.systemPackages)).toEqual(names(alone.builder.systemPackages));
    expect(names(p.final.systemPackages)).toEqual(names(alone.final.systemPackages));
    expect(names(p.final.systemPackages)).not.toContain("libkrb5-3");
    for (const s of [...p.builder.systemPackages, ...p.final.systemPackages])
      for (const reason of s.reasons) {
        expect(reason.pythonPackage).toBe("django-auth-ldap");
        expect(reason.via).toEqual(["python-ldap"]);
        expect(reason.why).toMatch(/, via python-ldap$/);
      }
    expect(p.final.systemPackages.length).toBe(ldap.needs.filter((n) => n.stage === "runtime").flatMap((n) => n.packages.bookworm).length);
    // Pure dependencies (django, pyasn1, …) are not listed as packages.
    expect(names(p.packages)).toEqual(["django-auth-ldap"]);
  });

  it("a dependency listed too is resolved on its own, not via the wrapper", () => {
    const p = plan({ base: "slim-bookworm", packages: [{ name: "django-auth-ldap" }, { name: "python-ldap" }] });
    expect(p.packages[0].carries).toBeUndefined();
    for (const s of p.builder.systemPackages) expect(s.reasons.map((r) => r.pythonPackage)).toEqual(["python-ldap"]);
  });

  it("follows chains and cycles, and stops at the bound", () => {
    const p = plan({ base: "slim-trixie", packages: [{ name: "cycle-a" }, { name: "chain-0" }] });
    expect(p.packages.map((r) => r.carries)).toEqual([["psycopg2"], undefined]);
    const libpq = p.final.systemPackages.find((s) => s.name === "libpq5")!;
    expect(libpq.reasons.map((r) => [r.pythonPackage, r.why])).toEqual([["cycle-a", `${lookupPackage("psycopg2")!.needs.find((n) => n.stage === "runtime")!.why}, via cycle-b → psycopg2`]]);
  });

  it("a compiled dependency only Debian knows is named, not assumed compiled", () => {
    const p = plan({ base: "slim-bookworm", packages: [{ name: "polyglot" }] });
    expect(p.packages[0].carries).toBeUndefined();
    expect(p.builder.systemPackages).toEqual([]);
    expect(p.final.systemPackages).toEqual([]);
    const note = p.warnings.find((w) => w.code === "derived-dependency")!;
    expect(note.package).toBe("polyglot");
    expect(note.message).toMatch(/^polyglot depends on PyICU, which Debian compiles; with no wheel facts nothing is planned for it/);
    // Under a compiled package installed from its wheel (matplotlib), not even a note.
    const m = plan({ base: "slim-bookworm", packages: [{ name: "matplotlib" }] });
    expect(m.packages[0].install).toBe("wheel");
    expect(m.builder.systemPackages).toEqual([]);
    expect(m.final.systemPackages).toEqual([]);
    expect(m.warnings.map((w) => w.code)).not.toContain("derived-dependency");
  });

  it("a pure dependency's programs count too (pytesseract → tesseract-ocr)", () => {
    const p = plan({ base: "slim-bookworm", packages: [{ name: "pytesseract" }] });
    expect(names(p.final.systemPackages)).toEqual(["tesseract-ocr"]);
    expect(p.builder.systemPackages).toEqual([]);
  });

  it("Alpine: a derived-only compiled package warns that the build compiles it and the apk packages are yours to name", () => {
    const p = plan({ base: "alpine", packages: [{ name: "pyaudio" }] });
    const [w] = p.warnings.filter((w) => w.code === "alpine-derived");
    expect(w.package).toBe("pyaudio");
    expect(w.message).toMatch(/^PyAudio is compiled on Alpine: only Debian's data knows it \(Debian trixie python3-pyaudio 1\.0-1\).*Name the apk packages/);
    // Debian's names never reach an Alpine image; the compiler does.
    expect(names(p.builder.systemPackages)).toEqual([...TOOLCHAINS.c.alpine].sort());
    expect(p.final.systemPackages).toEqual([]);
    expect(p.warnings.map((w) => w.code)).not.toContain("derived-no-wheel-facts");
    // Not for a curated package with Alpine facts.
    expect(plan({ base: "alpine", packages: [{ name: "psycopg2" }] }).warnings.map((w) => w.code)).not.toContain("alpine-derived");
  });

  it("Alpine: a derived-only compiled package whose Debian names all map gets the apk packages and an info note", () => {
    const p = plan({ base: "alpine", packages: [{ name: "pyicu" }] });
    expect(names(p.builder.systemPackages)).toEqual([...new Set([...TOOLCHAINS["c++"].alpine, "icu-dev", "pkgconf"])].sort());
    expect(names(p.final.systemPackages)).toEqual(["icu-libs"]);
    expect(p.final.systemPackages[0].reasons[0].why).toMatch(/^apk names from aports main\/icu, mapped from Debian's libicu76/);
    expect(p.warnings.map((w) => w.code)).not.toContain("alpine-derived");
    const note = p.warnings.find((w) => w.code === "alpine-derived-mapped")!;
    expect([note.severity, note.package]).toEqual(["info", "pyicu"]);
    expect(note.message).toMatch(/^PyICU is compiled on Alpine.*mapped by name/);
  });

  it("curated entries stay as they were, from a wheel or from source: pandas states no needs, Debian's do not come in", () => {
    const wheel = plan({ base: "slim-trixie", packages: [{ name: "pandas" }] });
    const before = resolve(BuildSpecSchema.parse({ ...DEFAULT_SPEC, python: "3.13", base: "slim-trixie", packages: [{ name: "pandas" }] }), CURATED);
    expect(wheel.builder).toEqual(before.builder);
    expect(wheel.final).toEqual(before.final);
    const source = plan({ base: "slim-trixie", buildFromSource: true, packages: [{ name: "pandas" }] });
    const sourceBefore = resolve(BuildSpecSchema.parse({ ...DEFAULT_SPEC, python: "3.13", base: "slim-trixie", buildFromSource: true, packages: [{ name: "pandas" }] }), CURATED);
    expect(source.builder).toEqual(sourceBefore.builder);
    expect(names(source.final.systemPackages)).not.toContain("libfake1");
  });

  it("is deterministic", () => {
    const spec = { base: "slim-bookworm" as const, packages: [{ name: "django-auth-ldap" }, { name: "pyicu" }, { name: "flask" }, { name: "polyglot" }] };
    expect(JSON.stringify(plan(spec))).toBe(JSON.stringify(plan(spec)));
  });
});
