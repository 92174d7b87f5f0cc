import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ALPINE_ABSENT, ALPINE_NAMES, alpineAbsent, alpineFor } from "./alpine";
import { PACKAGES } from "./index";
import { DEBIAN_RELEASES, type DebianRelease } from "./types";

const APK = /^[a-z0-9][a-z0-9+._-]*$/;

describe("Debian → Alpine names", () => {
  it("rows are well formed and each Debian name appears once", () => {
    expect(ALPINE_NAMES.length).toBeGreaterThanOrEqual(80);
    const seen = new Set<string>();
    for (const row of ALPINE_NAMES) {
      expect(row.aports).toMatch(/^(main|community)\/[a-z0-9+._-]+$/);
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
  });

  it("absent names have a reason and no row", () => {
    for (const row of ALPINE_ABSENT) {
      expect(row.reason.length, row.debian.join()).toBeGreaterThan(20);
      for (const d of row.debian) expect(alpineFor(d), d).toBeUndefined();
    }
    expect(alpineAbsent("qtchooser")).toMatch(/qt5-qtbase/);
    expect(alpineAbsent("zlib1g-dev")).toBeUndefined();
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
