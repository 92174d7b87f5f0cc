import { describe, expect, it } from "vitest";
import { PACKAGES, TARGETS, type PackageKnowledge, type Target } from "./knowledge";
import { TOOLCHAINS } from "./knowledge/toolchains";
import type { VariantId } from "./knowledge/python-images";
import { resolve } from "./resolve";
import { BuildSpecSchema, DEFAULT_SPEC, type BuildSpecInput } from "./spec";
import { CURATED } from "./knowledge/full-curated";

const BASE: Record<Target, VariantId> = { bullseye: "slim-bullseye", bookworm: "slim-bookworm", trixie: "slim-trixie", alpine: "alpine" };
const plan = (over: Partial<BuildSpecInput>) => resolve(BuildSpecSchema.parse({ ...DEFAULT_SPEC, ...over }), CURATED);
const names = (pkgs: { name: string }[]) => pkgs.map((p) => p.name);

function expected(k: PackageKnowledge, target: Target, fromSource: boolean) {
  const build = new Set<string>();
  const runtime = new Set<string>();
  if (fromSource) for (const tc of k.toolchains) TOOLCHAINS[tc][target].forEach((p) => build.add(p));
  for (const need of k.needs) {
    if (need.when === "source" && !fromSource) continue;
    need.packages[target].forEach((p) => (need.stage === "build" ? build : runtime).add(p));
  }
  return { build: [...build].sort(), runtime: [...runtime].sort() };
}

describe("resolve: every knowledge entry on every distro target", () => {
  it("has a knowledge base of at least 40 packages", () => {
    expect(PACKAGES.length).toBeGreaterThanOrEqual(40);
  });
  for (const target of TARGETS) {
    describe(target, () => {
      it.each(PACKAGES.map((k) => [k.name, k] as const))("%s: build and runtime packages, each traced to the package", (_, k) => {
        for (const buildFromSource of [true, false]) {
          const p = plan({ python: "3.13", base: BASE[target], strategy: "wheelhouse", buildFromSource, packages: [{ name: k.display }] });
          const resolved = p.packages[0];
          const fromSource = resolved.install === "source";
          if (buildFromSource && !k.wheels.pure && !k.binaryExtra) expect(fromSource).toBe(true);
          const want = expected(k, target, fromSource);
          expect(names(p.builder.systemPackages)).toEqual(want.build);
          expect(names(p.final.systemPackages)).toEqual(want.runtime);
          for (const pkg of [...p.builder.systemPackages, ...p.final.systemPackages])
            for (const r of pkg.reasons) expect(r.pythonPackage).toBe(k.name);
        }
      });
    });
  }
});

describe("resolve: wheels decide what is compiled", () => {
  const withWheel = PACKAGES.find((k) => !k.wheels.pure && k.wheels.manylinux.x86_64 && k.wheels.manylinux.aarch64 && k.needs.some((n) => n.when === "source" && n.stage === "build"));
  const noMusl = PACKAGES.find((k) => !k.wheels.pure && k.wheels.manylinux.x86_64 && !k.wheels.musllinux.x86_64);
  it("a manylinux wheel means no build packages on Debian", () => {
    expect(withWheel).toBeDefined();
    const p = plan({ python: withWheel!.wheels.python.max, base: "slim-trixie", packages: [{ name: withWheel!.name }] });
    expect(p.packages[0].install).toBe("wheel");
    expect(p.builder.systemPackages.filter((s) => s.reasons.some((r) => r.pythonPackage === withWheel!.name && r.kind === "toolchain"))).toEqual([]);
  });
  it("Python newer than the wheels cover is compiled", () => {
    const p = plan({ python: "3.15", base: "slim-trixie", packages: [{ name: withWheel!.name }] });
    if (withWheel!.wheels.python.max !== "3.15") expect(p.packages[0].install).toBe("source");
  });
  it("no musllinux wheel on Alpine warns that it compiles for minutes", () => {
    if (!noMusl) return;
    const p = plan({ python: "3.13", base: "alpine", packages: [{ name: noMusl.name }] });
    expect(p.packages[0].install).toBe("source");
    expect(p.warnings.map((w) => w.code)).toContain("alpine-compile");
  });
  it("unknown packages are assumed pure Python, quietly", () => {
    const p = plan({ packages: [{ name: "some-internal-lib" }] });
    expect(p.packages[0].install).toBe("unknown");
    expect(p.builder.systemPackages).toEqual([]);
  });
  it("names are normalised per PEP 503", () => {
    const k = PACKAGES[0];
    const spelled = k.name.toUpperCase().replace(/-/g, "_");
    expect(plan({ packages: [{ name: spelled }] }).packages[0].knowledge?.name).toBe(k.name);
  });
});

describe("resolve: warnings", () => {
  it("flags end-of-life and pre-release Pythons", () => {
    expect(plan({ python: "3.8", base: "slim-bullseye" }).warnings.map((w) => w.code)).toEqual(expect.arrayContaining(["python-eol", "legacy-image"]));
    expect(plan({ python: "3.15" }).warnings.map((w) => w.code)).toContain("python-prerelease");
    expect(plan({ python: "3.14" }).warnings.map((w) => w.code)).not.toContain("python-eol");
  });
  it("warns about a full final image", () => {
    expect(plan({ python: "3.13", base: "bookworm" }).warnings.map((w) => w.code)).toContain("full-final-image");
    expect(plan({ python: "3.13", base: "bookworm", finalBase: "slim-bookworm" }).warnings.map((w) => w.code)).not.toContain("full-final-image");
  });
  it("user packages are traced to the user, and removed ones are warned about", () => {
    const p = plan({ systemPackages: { build: ["make"], runtime: ["tini"], omit: [] } });
    expect(p.builder.systemPackages.find((s) => s.name === "make")!.reasons[0].kind).toBe("user");
    expect(p.final.systemPackages.find((s) => s.name === "tini")!.reasons[0].kind).toBe("user");
    const q = plan({ packages: [{ name: "psycopg2" }], systemPackages: { build: [], runtime: [], omit: ["libpq5"] } });
    expect(names(q.final.systemPackages)).not.toContain("libpq5");
    expect(q.warnings.map((w) => w.code)).toContain("omitted-package");
  });
});

describe("environment markers (PEP 508)", () => {
  const base = { ...DEFAULT_SPEC, python: "3.12", base: "slim-bookworm" } as const;
  it("skips a requirement whose marker is false, and says so with the marker", () => {
    const p = resolve(BuildSpecSchema.parse({ ...base, packages: [{ name: "psycopg2", marker: 'sys_platform == "win32"' }, { name: "flask" }] }), CURATED);
    expect(p.packages.map((p) => p.name)).toEqual(["flask"]);
    expect(p.builder.systemPackages.map((p) => p.name)).not.toContain("libpq-dev");
    const skipped = p.warnings.find((w) => w.code === "marker-skipped");
    expect(skipped?.message).toMatch(/psycopg2 is skipped: its marker \(sys_platform == "win32"\) is false for Python 3\.12/);
  });
  it("mutually exclusive lines of one package are not duplicates; overlapping ones are", () => {
    const exclusive = resolve(BuildSpecSchema.parse({ ...base, packages: [
      { name: "numpy", specifier: "==1.26.4", marker: 'python_version < "3.12"' },
      { name: "numpy", specifier: "==2.1.3", marker: 'python_version >= "3.12"' },
    ] }), CURATED);
    expect(exclusive.warnings.filter((w) => w.code === "duplicate-package")).toEqual([]);
    expect(exclusive.packages.map((p) => p.requirement.specifier)).toEqual(["==2.1.3"]);
    const overlapping = resolve(BuildSpecSchema.parse({ ...base, packages: [
      { name: "numpy", marker: 'python_version >= "3.10"' },
      { name: "numpy", marker: 'python_version >= "3.11"' },
    ] }), CURATED);
    expect(overlapping.warnings.filter((w) => w.code === "duplicate-package")).toHaveLength(1);
  });
  it("platform_machine follows the spec's platform", () => {
    const arm = resolve(BuildSpecSchema.parse({ ...base, platform: "linux/arm64", packages: [{ name: "flask", marker: 'platform_machine == "x86_64"' }] }), CURATED);
    expect(arm.packages).toEqual([]);
    const amd = resolve(BuildSpecSchema.parse({ ...base, platform: "linux/amd64", packages: [{ name: "flask", marker: 'platform_machine == "x86_64"' }] }), CURATED);
    expect(amd.packages.map((p) => p.name)).toEqual(["flask"]);
  });
});

describe("compile from source on request, per package (noBinary)", () => {
  it("compiles the named package with its build needs and tells pip; the others keep their wheels", () => {
    const p = resolve(BuildSpecSchema.parse({ ...DEFAULT_SPEC, python: "3.12", base: "slim-bookworm", strategy: "venv", packages: [{ name: "pyodbc" }, { name: "numpy" }], noBinary: ["PyODBC"] }), CURATED);
    expect(p.packages.map((q) => [q.name, q.install])).toEqual([["pyodbc", "source"], ["numpy", "wheel"]]);
    expect(p.compiled).toEqual(["pyodbc"]);
    expect(p.builder.systemPackages.map((s) => s.name)).toContain("unixodbc-dev");
    const args = JSON.stringify(p.install);
    expect(args).toContain('"--no-binary","pyodbc"');
    expect(args).not.toContain('"--no-binary","numpy"');
  });
  it(":all: compiles every package, as buildFromSource does", () => {
    const all = resolve(BuildSpecSchema.parse({ ...DEFAULT_SPEC, packages: [{ name: "pyodbc" }, { name: "numpy" }], noBinary: [":all:"] }), CURATED);
    const legacy = resolve(BuildSpecSchema.parse({ ...DEFAULT_SPEC, packages: [{ name: "pyodbc" }, { name: "numpy" }], buildFromSource: true }), CURATED);
    expect(all.compiled).toEqual(legacy.compiled);
    expect(all.install).toEqual(legacy.install);
  });
  it("refuses anything but names and :all:", () => {
    for (const bad of ["a b", ":none:", "x;id", "$(id)", "-rf"]) expect(BuildSpecSchema.safeParse({ ...DEFAULT_SPEC, noBinary: [bad] }).success).toBe(false);
  });
});

describe("requirements from Git", () => {
  it("the builder gets git, the final image does not", () => {
    for (const base of ["slim-bookworm", "alpine3.23"] as const) {
      const p = resolve(BuildSpecSchema.parse({ ...DEFAULT_SPEC, python: "3.13", base, packages: [{ name: "mylib" }], gitPackages: ["mylib"] }), CURATED);
      expect(p.builder.systemPackages.find((s) => s.name === "git")?.reasons[0]).toMatchObject({ pythonPackage: "mylib" });
      expect(p.final.systemPackages.map((s) => s.name)).not.toContain("git");
    }
    expect(resolve(BuildSpecSchema.parse({ ...DEFAULT_SPEC, packages: [{ name: "mylib" }] }), CURATED).builder.systemPackages.map((s) => s.name)).not.toContain("git");
  });
});

describe("Wheels only (--only-binary) for a package with no wheel", () => {
  const onlyBinaryWarnings = (over: Partial<BuildSpecInput>) => plan({ python: "3.13", base: "slim-bookworm", ...over }).warnings.filter((w) => w.code === "only-binary-no-wheel");
  it("catches psycopg2 (published as an sdist only) under :all: or by name, at the onlyBinary field", () => {
    for (const onlyBinary of [[":all:"], ["PsycoPG2"]]) {
      const w = onlyBinaryWarnings({ packages: [{ name: "psycopg2" }], onlyBinary });
      expect(w.map((x) => [x.field, x.package]), onlyBinary.join()).toEqual([["onlyBinary", "psycopg2"]]);
      expect(w[0].message).toMatch(/no manylinux x86_64 wheel for Python 3\.13.*forbids building it/);
    }
  });
  it("does not catch a package with a wheel, one not named, or one compiled on request", () => {
    expect(onlyBinaryWarnings({ packages: [{ name: "psycopg2-binary" }, { name: "numpy" }], onlyBinary: [":all:"] })).toEqual([]);
    expect(onlyBinaryWarnings({ packages: [{ name: "psycopg2" }], onlyBinary: ["numpy"] })).toEqual([]);
    expect(onlyBinaryWarnings({ packages: [{ name: "psycopg2" }], onlyBinary: [":all:"], noBinary: ["psycopg2"] })).toEqual([]);
  });
});
