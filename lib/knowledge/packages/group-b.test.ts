import { describe, it, expect } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GROUP_B } from "./group-b";
import { DEBIAN_RELEASES, TARGETS, normalizeName, type DebianRelease } from "../index";

const EXPECTED = [
  "pillow",
  "grpcio",
  "pycurl",
  "python-ldap",
  "pyyaml",
  "gevent",
  "greenlet",
  "uwsgi",
  "confluent-kafka",
  "shapely",
  "gdal",
  "pygraphviz",
  "python-magic",
  "weasyprint",
  "opencv-python",
  "opencv-python-headless",
  "pycairo",
  "pygobject",
  "pyzmq",
  "pdf2image",
  "pydub",
  "uvloop",
];

/** Debian's own Python or a compiler: never a `needs` entry (compilers go in `toolchains`). */
const FORBIDDEN = /^(python3(\.\d+)?-dev|libpython3(\.\d+)?-dev|python3-all-dev|gcc|g\+\+|gfortran|clang|build-essential|build-base|cargo|rustc|musl-dev|libc6-dev|python3-dev)$/;

const VERSION = /^3\.\d+$/;
const minor = (v: string) => Number(v.split(".")[1]);

describe("GROUP_B knowledge", () => {
  it("covers exactly the assigned packages, once each", () => {
    const names = GROUP_B.map((p) => p.name);
    expect([...names].sort()).toEqual([...EXPECTED].sort());
    expect(new Set(names).size).toBe(names.length);
  });

  it("uses PEP 503 normalised names that match the display name", () => {
    for (const p of GROUP_B) {
      expect(p.name).toBe(normalizeName(p.name));
      expect(normalizeName(p.display)).toBe(p.name);
    }
  });

  it("never lists Debian's Python headers or a compiler in needs", () => {
    for (const p of GROUP_B) {
      for (const need of p.needs) {
        for (const t of TARGETS) {
          for (const pkg of need.packages[t]) {
            expect(pkg, `${p.name}/${t}`).not.toMatch(FORBIDDEN);
          }
        }
      }
    }
  });

  it("has well-formed needs: every target present, a reason, no duplicates", () => {
    for (const p of GROUP_B) {
      for (const need of p.needs) {
        expect(need.why.length, p.name).toBeGreaterThan(5);
        expect(Object.keys(need.packages).sort()).toEqual([...TARGETS].sort());
        for (const t of TARGETS) {
          const list = need.packages[t];
          expect(new Set(list).size, `${p.name}/${t}`).toBe(list.length);
          for (const pkg of list) expect(pkg).toMatch(/^[a-z0-9][a-z0-9+.-]*$/);
        }
        // A build-only need is only meaningful for a source build.
        if (need.stage === "build") expect(need.when, p.name).toBe("source");
      }
    }
  });

  it("has consistent wheel data", () => {
    for (const p of GROUP_B) {
      const w = p.wheels;
      expect(w.python.min, p.name).toMatch(VERSION);
      expect(w.python.max, p.name).toMatch(VERSION);
      expect(minor(w.python.min)).toBeLessThanOrEqual(minor(w.python.max));
      if (w.pure) {
        expect([w.manylinux.x86_64, w.manylinux.aarch64, w.musllinux.x86_64, w.musllinux.aarch64]).toEqual([true, true, true, true]);
        expect(p.toolchains, p.name).toEqual([]);
        expect(p.needs.every((n) => n.when === "always"), p.name).toBe(true);
      }
      expect(p.sources.length, p.name).toBeGreaterThan(0);
    }
  });

  it("records the run-time needs that wheels do not bundle", () => {
    const always = (name: string) =>
      GROUP_B.find((p) => p.name === name)!.needs.filter((n) => n.stage === "runtime" && n.when === "always");
    expect(always("python-magic")[0].packages.trixie).toEqual(["libmagic1t64"]);
    expect(always("python-magic")[0].packages.bookworm).toEqual(["libmagic1"]);
    expect(always("pdf2image")[0].packages.bookworm).toContain("poppler-utils");
    expect(always("pydub")[0].packages.bookworm).toContain("ffmpeg");
    expect(always("weasyprint")[0].packages.bookworm).toContain("libpango-1.0-0");
    expect(always("opencv-python")[0].packages.bookworm).toContain("libgl1");
    expect(always("opencv-python-headless")).toEqual([]);
    expect(always("pillow")).toEqual([]);
  });

  it("records sdist-only packages as having no wheels", () => {
    for (const name of ["gdal", "python-ldap", "uwsgi", "pycairo", "pygobject", "pygraphviz"]) {
      const w = GROUP_B.find((p) => p.name === name)!.wheels;
      expect([w.manylinux.x86_64, w.manylinux.aarch64, w.musllinux.x86_64, w.musllinux.aarch64], name).toEqual([false, false, false, false]);
    }
    const gdal = GROUP_B.find((p) => p.name === "gdal")!;
    expect(gdal.notes.join(" ")).toContain("gdal-config --version");
  });
});

/** Package names apt knows for one release, from the indices under /tmp/apt (if present). */
function debianNames(release: DebianRelease): Set<string> {
  const root = `/tmp/apt/${release}`;
  const scratch = mkdtempSync(join(tmpdir(), "wheelwright-apt-"));
  const status = join(scratch, "status");
  writeFileSync(status, "");
  const out = execFileSync(
    "apt-cache",
    [
      `-oDir::State::Lists=${root}/lists`,
      `-oDir::Cache=${scratch}`,
      "-oDir::Cache::pkgcache=",
      "-oDir::Cache::srcpkgcache=",
      `-oDir::State::status=${status}`,
      `-oDir::Etc::SourceList=${root}/sources.list`,
      "-oDir::Etc::SourceParts=/dev/null",
      "pkgnames",
    ],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  return new Set(out.split("\n").filter(Boolean));
}

const haveIndices =
  DEBIAN_RELEASES.every((r) => existsSync(`/tmp/apt/${r}/sources.list`)) &&
  (() => {
    try {
      execFileSync("apt-cache", ["--version"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();

describe.skipIf(!haveIndices)("GROUP_B Debian names exist in each release (local apt indices)", () => {
  for (const release of DEBIAN_RELEASES) {
    it(`every ${release} package name is in the ${release} index`, () => {
      const known = debianNames(release);
      expect(known.size).toBeGreaterThan(10000);
      const missing: string[] = [];
      for (const p of GROUP_B) {
        for (const need of p.needs) {
          for (const pkg of need.packages[release]) {
            if (!known.has(pkg)) missing.push(`${p.name}: ${pkg}`);
          }
        }
      }
      expect(missing).toEqual([]);
    }, 60_000);
  }
});
