import { describe, it, expect } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CURATED } from "./index";
import { formatEntryFile } from "./format";
import { PackageKnowledgeSchema } from "../schema";
import { TOOLCHAINS, TOOLCHAIN_NOTES } from "../toolchains";
import { DEBIAN_RELEASES, TARGETS, normalizeName, type DebianRelease, type PackageKnowledge } from "../index";

const DIR = import.meta.dirname;
const FILES = readdirSync(DIR).filter((f) => f.endsWith(".json")).sort();
const get = (n: string): PackageKnowledge => {
  const k = CURATED.find((p) => p.name === n);
  if (!k) throw new Error(`no entry ${n}`);
  return k;
};
const flags = (k: PackageKnowledge) => [k.wheels.manylinux.x86_64, k.wheels.manylinux.aarch64, k.wheels.musllinux.x86_64, k.wheels.musllinux.aarch64];
const minor = (v: string) => Number(v.split(".")[1]);

describe("curated entry files", () => {
  it.each(FILES)("%s validates against the schema, is normalised and named after its file", (file) => {
    const text = readFileSync(join(DIR, file), "utf8");
    const parsed = PackageKnowledgeSchema.safeParse(JSON.parse(text));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    const entry = JSON.parse(text) as PackageKnowledge;
    expect(entry.name).toBe(normalizeName(entry.name));
    expect(entry.name).toBe(normalizeName(entry.display));
    expect(file).toBe(`${entry.name}.json`);
    expect(text, "run npm run data:curated").toBe(formatEntryFile(JSON.parse(text)));
  });

  it("the index holds every file once, sorted by name", () => {
    const names = CURATED.map((p) => p.name);
    expect([...names].sort()).toEqual(FILES.map((f) => f.slice(0, -".json".length)).sort());
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(names).size).toBe(names.length);
  });

  it("the schema refuses what the type forbids", () => {
    const pillow = JSON.parse(readFileSync(join(DIR, "pillow.json"), "utf8"));
    expect(PackageKnowledgeSchema.safeParse({ ...pillow, name: "Pillow" }).success).toBe(false);
    expect(PackageKnowledgeSchema.safeParse({ ...pillow, sources: [] }).success).toBe(false);
    expect(PackageKnowledgeSchema.safeParse({ ...pillow, typo: 1 }).success).toBe(false);
    const badNeed = { ...pillow.needs[0], packages: { ...pillow.needs[0].packages, trixie: ["Not A Package"] } };
    expect(PackageKnowledgeSchema.safeParse({ ...pillow, needs: [badNeed] }).success).toBe(false);
    const badHistory = { ...pillow.wheels, history: { python: { "3.12": "ten" } } };
    expect(PackageKnowledgeSchema.safeParse({ ...pillow, wheels: badHistory }).success).toBe(false);
  });
});

describe("every curated entry", () => {
  /** Debian's own Python or a compiler: never a `needs` entry (compilers go in `toolchains`). */
  const FORBIDDEN = /^(python3(\.\d+)?-dev|libpython3(\.\d+)?-dev|python3-all-dev|gcc|g\+\+|gfortran|clang|build-essential|build-base|cargo|rustc|rust|musl-dev|libc6-dev)$/;

  it("never lists Debian's Python headers or a compiler in needs", () => {
    for (const p of CURATED)
      for (const need of p.needs)
        for (const t of TARGETS) for (const pkg of need.packages[t]) expect(pkg, `${p.name}/${t}`).not.toMatch(FORBIDDEN);
  });

  it("has well-formed needs: every target present, a reason, no duplicates; build needs only for source builds", () => {
    for (const p of CURATED)
      for (const need of p.needs) {
        expect(need.why.length, p.name).toBeGreaterThan(5);
        expect(Object.keys(need.packages).sort()).toEqual([...TARGETS].sort());
        for (const t of TARGETS) expect(new Set(need.packages[t]).size, `${p.name}/${t}`).toBe(need.packages[t].length);
        if (need.stage === "build") expect(need.when, p.name).toBe("source");
      }
  });

  it("has consistent wheel data", () => {
    for (const p of CURATED) {
      const w = p.wheels;
      expect(minor(w.python.min), p.name).toBeLessThanOrEqual(minor(w.python.max));
      if (w.pure) {
        expect(flags(p), p.name).toEqual([true, true, true, true]);
        expect(p.toolchains, p.name).toEqual([]);
        expect(p.needs.every((n) => n.when === "always"), p.name).toBe(true);
        expect(w.history, p.name).toBeUndefined();
      }
    }
  });

  it("wheel history: CPython rows inside the latest release's range, on a platform the latest release covers", () => {
    for (const p of CURATED) {
      const h = p.wheels.history;
      if (!h) continue;
      expect(Object.keys(h.python).length, p.name).toBeGreaterThan(0);
      for (const py of Object.keys(h.python)) expect(minor(py), `${p.name} ${py}`).toBeLessThanOrEqual(minor(p.wheels.python.max));
      for (const platform of Object.keys(h.platforms ?? {})) {
        const [libc, arch] = platform.split("-") as ["manylinux" | "musllinux", "x86_64" | "aarch64"];
        expect(p.wheels[libc][arch], `${p.name} ${platform}`).toBe(true);
      }
      expect(p.sources.join(" "), p.name).toMatch(/wheel/i);
    }
  });

  it("a compiled entry with wheels has a wheel history or says in its sources that none is recorded", () => {
    for (const p of CURATED) {
      if (p.wheels.pure || flags(p).every((f) => !f) || p.wheels.history) continue;
      expect(p.sources.some((s) => /^Wheels by release: not recorded/.test(s)), p.name).toBe(true);
    }
  });

  it("extras pull packages that have entries of their own", () => {
    for (const p of CURATED)
      for (const [extra, e] of Object.entries(p.extras ?? {})) {
        expect(extra).toBe(normalizeName(extra));
        for (const r of e.requires) expect(CURATED.some((k) => k.name === r), `${p.name}[${extra}] → ${r}`).toBe(true);
        if (p.binaryExtra) expect(normalizeName(p.binaryExtra), p.name).not.toBe(extra);
      }
  });
});

describe("facts moved from the group-a entries", () => {
  const GROUP_A = [
    "pyodbc", "psycopg2", "psycopg2-binary", "psycopg", "mysqlclient", "mariadb", "pymssql", "oracledb",
    "numpy", "scipy", "pandas", "matplotlib", "h5py", "pyarrow", "lxml", "xmlsec", "cryptography", "cffi",
    "bcrypt", "argon2-cffi", "pynacl",
  ];

  it("has every entry", () => {
    for (const n of GROUP_A) expect(get(n).name).toBe(n);
    expect(normalizeName("PyNaCl")).toBe("pynacl");
  });

  it("encodes the key facts", () => {
    const pyodbcRt = get("pyodbc").needs.find((n) => n.stage === "runtime" && n.when === "always")!;
    expect(pyodbcRt.packages.bullseye).toEqual(["libodbc1"]);
    expect(pyodbcRt.packages.bookworm).toEqual(["libodbc2"]);
    expect(get("psycopg").binaryExtra).toBe("binary");
    expect(get("psycopg").needs.some((n) => n.when === "always" && n.packages.trixie.includes("libpq5"))).toBe(true);
    for (const n of ["mysqlclient", "psycopg2"]) expect(flags(get(n))).toEqual([false, false, false, false]);
    expect(get("psycopg2-binary").notes.join(" ")).toMatch(/production/);
    expect(get("cryptography").toolchains).toContain("rust");
  });

  it("has toolchain packages for every target and rust notes for old Debian", () => {
    for (const t of TARGETS) for (const tc of Object.values(TOOLCHAINS)) expect(tc[t].length).toBeGreaterThan(0);
    expect(TOOLCHAIN_NOTES.rust?.bookworm).toMatch(/1\.63/);
    expect(TOOLCHAIN_NOTES.rust?.bullseye).toMatch(/1\.48/);
  });
});

describe("facts moved from the group-b entries", () => {
  const GROUP_B = [
    "pillow", "grpcio", "pycurl", "python-ldap", "pyyaml", "gevent", "greenlet", "uwsgi", "confluent-kafka", "shapely",
    "gdal", "pygraphviz", "python-magic", "weasyprint", "opencv-python", "opencv-python-headless", "pycairo",
    "pygobject", "pyzmq", "pdf2image", "pydub", "uvloop",
  ];
  const always = (name: string) => get(name).needs.filter((n) => n.stage === "runtime" && n.when === "always");

  it("has every entry", () => {
    for (const n of GROUP_B) expect(get(n).name).toBe(n);
  });

  it("records the run-time needs that wheels do not bundle", () => {
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
    for (const name of ["gdal", "python-ldap", "uwsgi", "pycairo", "pygobject", "pygraphviz"]) expect(flags(get(name)), name).toEqual([false, false, false, false]);
    expect(get("gdal").notes.join(" ")).toContain("gdal-config --version");
  });
});

// Checks every Debian name against downloaded apt indices under /tmp/apt/<release>, when they are present
// (lib/knowledge/debian.test.ts checks the same names against the committed snapshot on every run).
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

function aptNames(release: DebianRelease): Set<string> {
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

describe.skipIf(!haveIndices)("Debian names exist in each release (local apt indices)", () => {
  for (const release of DEBIAN_RELEASES) {
    it(`every ${release} package name is in the ${release} index`, () => {
      const known = aptNames(release);
      expect(known.size).toBeGreaterThan(10000);
      const missing: string[] = [];
      for (const p of CURATED) for (const need of p.needs) for (const pkg of need.packages[release]) if (!known.has(pkg)) missing.push(`${p.name}: ${pkg}`);
      for (const [tc, names] of Object.entries(TOOLCHAINS)) for (const pkg of names[release]) if (!known.has(pkg)) missing.push(`${tc} toolchain: ${pkg}`);
      expect(missing).toEqual([]);
    }, 60_000);
  }
});
