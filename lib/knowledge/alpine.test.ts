import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ALPINE_ABSENT, ALPINE_NAMES, alpineAbsent, alpineDebianOnly, alpineFor } from "./alpine";
import { coverageSummary, rankedNames, stageCoverage } from "./alpine-coverage";
import { derivedEntries } from "./derived/all";
import { fullKnowledge } from "./derived/full";
import type { DerivedEntry } from "./derived/types";
import { PACKAGES } from "./index";
import { ALPINE_DERIVED_RELEASE } from "./merge";
import { DEBIAN_RELEASES, type DebianRelease } from "./types";

const APK = /^[a-z0-9][a-z0-9+._-]*$/;

describe("Debian → Alpine names", () => {
  it("rows are well formed, each with its source, and each Debian name appears once in rows and absent together", () => {
    expect(ALPINE_NAMES.length).toBeGreaterThanOrEqual(80);
    const seen = new Set<string>();
    for (const row of ALPINE_NAMES) {
      expect(row.aports).toMatch(/^(main|community)\/[a-z0-9+._-]+$/);
      if (row.commit !== undefined) expect(row.commit, row.aports).toMatch(/^[0-9a-f]{40}$/);
      expect(["build", "runtime"]).toContain(row.stage);
      expect(row.alpine.length, row.aports).toBeGreaterThan(0);
      for (const a of row.alpine) expect(a).toMatch(APK);
      for (const d of row.debian) {
        expect(seen.has(d), d).toBe(false);
        seen.add(d);
      }
      // Headers on the build side, never a -dev package at run time.
      if (row.stage === "runtime") for (const a of row.alpine) expect(a, row.aports).not.toMatch(/-dev$/);
    }
    for (const row of ALPINE_ABSENT)
      for (const d of row.debian) {
        expect(seen.has(d), d).toBe(false);
        seen.add(d);
      }
    // Rows added with a recorded aports commit: the newer part of the table names the version it read.
    expect(ALPINE_NAMES.filter((r) => r.commit).length).toBeGreaterThanOrEqual(50);
  });

  it("absent names have a reason and no row", () => {
    for (const row of ALPINE_ABSENT) {
      expect(row.reason.length, row.debian.join()).toBeGreaterThan(20);
      for (const d of row.debian) expect(alpineFor(d), d).toBeUndefined();
    }
    expect(alpineAbsent("qtchooser")).toMatch(/qt5-qtbase/);
    expect(alpineAbsent("zlib1g-dev")).toBeUndefined();
    // Debian-only: packaging helpers and the Qt tool switcher; a library Alpine lacks is not.
    expect(["qtchooser", "d-shlibs", "javahelper", "openstack-pkg-tools", "architecture-properties"].every(alpineDebianOnly)).toBe(true);
    expect(alpineDebianOnly("libsystemd-dev")).toBe(false);
    expect(alpineDebianOnly("zlib1g-dev")).toBe(false);
  });

  it("looks up by any Debian spelling of a release rename", () => {
    expect(alpineFor("libssl3t64")?.alpine).toEqual(["libcrypto3", "libssl3"]);
    expect(alpineFor("libssl1.1")).toBe(alpineFor("libssl3"));
    expect(alpineFor("libpq-dev")?.alpine).toEqual(["libpq-dev"]);
    expect(alpineFor("zlib1g-dev")?.alpine).toEqual(["zlib-dev"]);
    expect(alpineFor("not-a-package")).toBeUndefined();
  });

  it("agrees with the curated entries wherever both name a package", () => {
    const disagreements: string[] = [];
    for (const k of PACKAGES)
      for (const need of k.needs.filter((n) => n.packages.alpine.length > 0)) // empty: deliberately nothing on Alpine
        for (const release of DEBIAN_RELEASES)
          for (const name of need.packages[release]) {
            const row = alpineFor(name);
            if (!row) continue;
            for (const apk of row.alpine)
              if (!need.packages.alpine.includes(apk)) disagreements.push(`${k.name} (${release} ${name}): alpine lacks ${apk}`);
          }
    expect([...new Set(disagreements)]).toEqual([]);
  });
});

const entry = (name: string, source: string, build: string[], runtime: string[] = [], compiled = true): DerivedEntry => ({
  name,
  debian: { release: "trixie", package: `python3-${name}`, version: "1", source },
  compiled,
  build,
  runtime,
  toolchains: [],
  requires: [],
  scripts: [],
});

describe("the most common Debian names (alpine-coverage)", () => {
  it("ranks by Debian source packages, so one source's many binaries count once; pure entries do not count", () => {
    const entries = [
      // Five binaries of one source, as pyside2 builds many, all with the same Build-Depends.
      ...["a", "b", "c", "d", "e"].map((n) => entry(`qt-${n}`, "bigsource", ["libqt-dev", "zlib1g-dev"])),
      entry("x", "src-x", ["zlib1g-dev", "libfoo-dev"]),
      entry("y", "src-y", ["libfoo-dev", "libfoo-dev"]), // a name twice in one entry counts once
      entry("z", "src-z", ["libbar-dev"], [], false),
    ];
    expect(rankedNames(entries, "build")).toEqual([
      { name: "zlib1g-dev", sources: 2, entries: 6 },
      { name: "libfoo-dev", sources: 2, entries: 2 },
      { name: "libqt-dev", sources: 1, entries: 5 },
    ]);
    expect(rankedNames(entries, "build", "entries").map((r) => r.name)).toEqual(["zlib1g-dev", "libqt-dev", "libfoo-dev"]);
  });

  it.each(["sources", "entries"] as const)(
    "covers the top 100 of the derived trixie data by %s, build and runtime: every name mapped or absent with a reason",
    (by) => {
      const compiled = derivedEntries(ALPINE_DERIVED_RELEASE).filter((e) => e.compiled);
      expect(compiled.length).toBeGreaterThanOrEqual(600);
      const build = stageCoverage(compiled, "build", 100, by);
      const runtime = stageCoverage(compiled, "runtime", 100, by);
      for (const c of [build, runtime]) {
        expect(c.names, c.stage).toHaveLength(100);
        expect(c.names.filter((n) => n.state === "missing").map((n) => n.name), c.stage).toEqual([]);
      }
      expect(coverageSummary(build, runtime)).toMatch(/^build \d+ mapped \+ \d+ absent of 100, runtime \d+ \+ \d+ absent of 100$/);
    },
  );

  it("names the apk packages of issue 13's examples that only Debian's data knows (real derived data)", () => {
    for (const [name, pkgs] of [
      ["pyaudio", ["portaudio-dev", "portaudio"]],
      ["pylibmc", ["libmemcached-dev", "libmemcached-libs"]],
      ["borgbackup", ["acl-dev", "libb2-dev", "xxhash-dev"]],
      ["dbus-python", ["dbus"]],
      ["pyqt5", ["qt5-qtbase-dev", "qt5-qtbase", "qt5-qtbase-x11"]],
    ] as const) {
      const f = fullKnowledge.facts(name, "alpine")!;
      expect(f.derivedOnly?.unnamedNeeds, name).toBeUndefined();
      const apk = f.needs.flatMap((n) => n.packages);
      for (const p of pkgs) expect(apk, name).toContain(p);
    }
  });

  it("the summary line says what is missing", () => {
    const entries = [entry("x", "src-x", ["zlib1g-dev", "libnot-in-table-dev"], ["qtchooser"])];
    expect(coverageSummary(stageCoverage(entries, "build", 100), stageCoverage(entries, "runtime", 100))).toBe(
      "build 1 mapped + 0 absent of 2 (1 missing), runtime 0 + 1 absent of 1",
    );
  });
});

// Every Debian name exists in at least one release's index, when the indices are on disk (.cache/debian): a fetch
// that could not reach the archive leaves a sources.list and an empty lists/ folder, so look for the release files.
const ROOT = join(import.meta.dirname, "../../.cache/debian");
const haveIndices = DEBIAN_RELEASES.every(
  (r) => existsSync(join(ROOT, r, "lists")) && readdirSync(join(ROOT, r, "lists")).some((f) => f.endsWith(`_dists_${r}_InRelease`)),
);

function aptNames(release: DebianRelease): Set<string> {
  const scratch = mkdtempSync(join(tmpdir(), "wheelwright-apt-"));
  writeFileSync(join(scratch, "status"), "");
  const out = execFileSync(
    "apt-cache",
    [
      `-oDir::State::Lists=${join(ROOT, release, "lists")}`,
      `-oDir::Cache=${scratch}`,
      "-oDir::Cache::pkgcache=",
      "-oDir::Cache::srcpkgcache=",
      `-oDir::State::status=${join(scratch, "status")}`,
      `-oDir::Etc::SourceList=${join(ROOT, release, "sources.list")}`,
      "-oDir::Etc::SourceParts=/dev/null",
      "pkgnames",
    ],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  return new Set(out.split("\n").filter(Boolean));
}

describe.skipIf(!haveIndices)("Debian names in the Alpine table exist (local indices)", () => {
  it("each in at least one of bullseye, bookworm, trixie", () => {
    const known = DEBIAN_RELEASES.map(aptNames);
    const missing = [...ALPINE_NAMES, ...ALPINE_ABSENT].flatMap((row) => row.debian).filter((name) => !known.some((k) => k.has(name)));
    expect(missing).toEqual([]);
  }, 60_000);
});
