import { describe, it, expect } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { GROUP_A } from "./group-a";
import { TOOLCHAINS, TOOLCHAIN_NOTES } from "../toolchains";
import { DEBIAN_RELEASES, TARGETS, type DebianRelease } from "../types";

const EXPECTED = [
  "pyodbc", "psycopg2", "psycopg2-binary", "psycopg", "mysqlclient", "mariadb", "pymssql", "oracledb",
  "numpy", "scipy", "pandas", "matplotlib", "h5py", "pyarrow", "lxml", "xmlsec", "cryptography", "cffi",
  "bcrypt", "argon2-cffi", "pynacl",
];
const normalize = (n: string) => n.toLowerCase().replace(/[-_.]+/g, "-");
const COMPILERS = new Set(["gcc", "g++", "gfortran", "clang", "cargo", "rustc", "rust", "build-essential", "build-base", "libc6-dev", "musl-dev"]);
const PY_MINOR = /^3\.\d{1,2}$/;

function debianNames(release: DebianRelease): string[] {
  const names = new Set<string>();
  for (const p of GROUP_A) for (const n of p.needs) for (const x of n.packages[release]) names.add(x);
  for (const t of Object.values(TOOLCHAINS)) for (const x of t[release]) names.add(x);
  return [...names].sort();
}

describe("group-a package knowledge", () => {
  it("has exactly the expected entries, normalised and unique", () => {
    expect(GROUP_A.map((p) => p.name).sort()).toEqual([...EXPECTED].sort());
    for (const p of GROUP_A) expect(p.name).toBe(normalize(p.name));
    expect(normalize("PyNaCl")).toBe("pynacl");
  });

  it("never lists Debian's own Python headers or a compiler inside needs", () => {
    for (const p of GROUP_A)
      for (const n of p.needs)
        for (const t of TARGETS)
          for (const x of n.packages[t]) {
            expect(x, `${p.name}/${t}`).not.toMatch(/^(lib)?python3(\.\d+)?-dev$/);
            expect(COMPILERS.has(x), `${p.name}/${t}: ${x} is a compiler`).toBe(false);
          }
  });

  it("has well-formed wheels, needs and sources", () => {
    for (const p of GROUP_A) {
      expect(p.wheels.python.min).toMatch(PY_MINOR);
      expect(p.wheels.python.max).toMatch(PY_MINOR);
      expect(Number(p.wheels.python.min.split(".")[1])).toBeLessThanOrEqual(Number(p.wheels.python.max.split(".")[1]));
      expect(p.sources.length, p.name).toBeGreaterThan(0);
      for (const n of p.needs) {
        expect(n.why.length, p.name).toBeGreaterThan(0);
        expect(Object.keys(n.packages).sort()).toEqual([...TARGETS].sort());
      }
      if (p.wheels.pure) expect(p.toolchains).toEqual([]);
    }
  });

  it("encodes the key facts from the brief", () => {
    const get = (n: string) => GROUP_A.find((p) => p.name === n)!;
    const pyodbcRt = get("pyodbc").needs.find((n) => n.stage === "runtime" && n.when === "always")!;
    expect(pyodbcRt.packages.bullseye).toEqual(["libodbc1"]);
    expect(pyodbcRt.packages.bookworm).toEqual(["libodbc2"]);
    expect(get("psycopg").binaryExtra).toBe("binary");
    expect(get("psycopg").needs.some((n) => n.when === "always" && n.packages.trixie.includes("libpq5"))).toBe(true);
    for (const n of ["mysqlclient", "psycopg2"]) {
      const w = get(n).wheels;
      expect([w.manylinux.x86_64, w.manylinux.aarch64, w.musllinux.x86_64, w.musllinux.aarch64]).toEqual([false, false, false, false]);
    }
    expect(get("psycopg2-binary").notes.join(" ")).toMatch(/production/);
    expect(get("cryptography").toolchains).toContain("rust");
  });

  it("has toolchain packages for every target and rust notes for old Debian", () => {
    for (const t of TARGETS) for (const tc of Object.values(TOOLCHAINS)) expect(tc[t].length).toBeGreaterThan(0);
    expect(TOOLCHAIN_NOTES.rust?.bookworm).toMatch(/1\.63/);
    expect(TOOLCHAIN_NOTES.rust?.bullseye).toMatch(/1\.48/);
  });

  // Checks every Debian name against the downloaded package indices, when they are present.
  for (const release of DEBIAN_RELEASES) {
    const dir = `/tmp/apt/${release}`;
    it.skipIf(!existsSync(`${dir}/lists`))(`every Debian name exists in ${release}`, () => {
      const status = "/tmp/ww-empty-dpkg-status";
      writeFileSync(status, "");
      const names = debianNames(release);
      const out = execFileSync(
        "apt-cache",
        [
          `-oDir::State::Lists=${dir}/lists`,
          `-oDir::Cache=${dir}/cache`,
          `-oDir::Etc::SourceList=${dir}/sources.list`,
          "-oDir::Etc::SourceParts=/dev/null",
          `-oDir::State::status=${status}`,
          "-oDir::Cache::pkgcache=",
          "-oDir::Cache::srcpkgcache=",
          "show",
          "--no-all-versions",
          ...names,
        ],
        { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] },
      );
      const found = new Set([...out.matchAll(/^Package: (\S+)$/gm)].map((m) => m[1]));
      expect(names.filter((n) => !found.has(n))).toEqual([]);
    });
  }
});
