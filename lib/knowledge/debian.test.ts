import { describe, expect, it } from "vitest";
import {
  DEBIAN_SNAPSHOT,
  debianPackage,
  debianPackageExists,
  debianRelease,
  dependencyClosure,
} from "./debian";
import { PACKAGES } from "./index";
import { TOOLCHAINS } from "./toolchains";
import { DEBIAN_RELEASES, type DebianRelease } from "./types";

const REGEN = "npm run data:debian (or: bash scripts/fetch-debian-indices.sh DIR && npx tsx scripts/build-debian-snapshot.ts DIR)";

function explain(release: DebianRelease, name: string): string {
  const rel = debianRelease(release);
  if (rel.virtuals[name]) return `only a virtual package in ${release}, provided by ${rel.virtuals[name].providers.join(", ")}; name the real package`;
  if (rel.absent.includes(name)) return "not a real package in Debian " + release + " (checked against the index)";
  return `not in the snapshot: misspelt/renamed in ${release}, or the snapshot is stale — rerun ${REGEN}`;
}

describe("Debian names used by the knowledge exist in their release", () => {
  it("covers every release", () => {
    expect(Object.keys(DEBIAN_SNAPSHOT.releases).sort()).toEqual([...DEBIAN_RELEASES].sort());
  });

  it("every need of every package, on every Debian release", () => {
    const problems: string[] = [];
    for (const pkg of PACKAGES) {
      pkg.needs.forEach((need, i) => {
        for (const release of DEBIAN_RELEASES) {
          for (const name of need.packages[release] ?? []) {
            if (!debianPackageExists(release, name)) {
              problems.push(`${pkg.name} needs[${i}] (${need.stage}/${need.when}) ${release}: ${name} — ${explain(release, name)}`);
            }
          }
        }
      });
    }
    expect(problems).toEqual([]);
  });

  it("every toolchain package, on every Debian release", () => {
    const problems: string[] = [];
    for (const [toolchain, perTarget] of Object.entries(TOOLCHAINS)) {
      for (const release of DEBIAN_RELEASES) {
        const names = perTarget[release] ?? [];
        if (names.length === 0) problems.push(`${toolchain} ${release}: no packages`);
        for (const name of names) {
          if (!debianPackageExists(release, name)) problems.push(`${toolchain} ${release}: ${name} — ${explain(release, name)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("the python slim image's kept packages and the debian-slim base exist", () => {
    const problems: string[] = [];
    for (const release of DEBIAN_RELEASES) {
      const { roots } = debianRelease(release);
      expect(roots.pythonSlim).toEqual(expect.arrayContaining(["ca-certificates", "netbase", "tzdata", "libsqlite3-0", "zlib1g"]));
      expect(roots.minbase).toEqual(expect.arrayContaining(["apt", "base-files", "bash", "dpkg", "libc-bin"]));
      for (const name of [...roots.pythonSlim, ...roots.minbase]) {
        if (!debianPackageExists(release, name)) problems.push(`${release}: ${name} — ${explain(release, name)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("the snapshot is consistent", () => {
  for (const release of DEBIAN_RELEASES) {
    const rel = debianRelease(release);

    it(`${release}: has Release metadata`, () => {
      expect(rel.codename).toBe(release);
      expect(rel.date).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} UTC$/);
      expect(rel.version).toMatch(/^\d+\.\d+$/);
    });

    it(`${release}: every dependency is itself in the snapshot (closures are complete)`, () => {
      const dangling: string[] = [];
      for (const [name, info] of Object.entries(rel.packages)) {
        for (const d of info.depends) if (!debianPackageExists(release, d)) dangling.push(`${name} → ${d}`);
        expect(info.depends, name).toEqual([...new Set(info.depends)].sort());
        expect(info.depends, name).not.toContain(name);
      }
      expect(dangling).toEqual([]);
      expect(rel.unresolved).toEqual([]);
    });

    it(`${release}: entries are well formed and keys sorted`, () => {
      const names = Object.keys(rel.packages);
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      for (const [name, info] of Object.entries(rel.packages)) {
        expect(name).toMatch(/^[a-z0-9][a-z0-9+.-]+$/);
        expect(typeof info.version, name).toBe("string");
        expect(info.version.length, name).toBeGreaterThan(0);
        expect(Number.isInteger(info.installedSizeKiB), name).toBe(true);
        expect(typeof info.essential, name).toBe("boolean");
        expect(info.source.length, name).toBeGreaterThan(0);
        expect(["required", "important", "standard", "optional", "extra"], name).toContain(info.priority);
      }
    });

    it(`${release}: virtual resolutions point at real providers; absent names are absent`, () => {
      for (const [virtual, choice] of Object.entries(rel.virtuals)) {
        expect(choice.providers, virtual).toContain(choice.chosen);
        expect(debianPackageExists(release, choice.chosen), virtual).toBe(true);
        expect(debianPackageExists(release, virtual), virtual).toBe(false);
      }
      for (const name of rel.absent) expect(debianPackageExists(release, name), name).toBe(false);
    });
  }
});

describe("known renames between releases", () => {
  const exists = (release: DebianRelease, name: string) => debianPackageExists(release, name);
  const checkedAbsent = (release: DebianRelease, name: string) =>
    !exists(release, name) && debianRelease(release).absent.includes(name);

  it("OpenSSL: libssl1.1 (bullseye) → libssl3 (bookworm) → libssl3t64 (trixie)", () => {
    expect(exists("bullseye", "libssl1.1")).toBe(true);
    expect(checkedAbsent("bullseye", "libssl3")).toBe(true);
    expect(exists("bookworm", "libssl3")).toBe(true);
    expect(checkedAbsent("bookworm", "libssl3t64")).toBe(true);
    expect(checkedAbsent("bookworm", "libssl1.1")).toBe(true);
    expect(exists("trixie", "libssl3t64")).toBe(true);
    expect(checkedAbsent("trixie", "libssl3")).toBe(true);
  });

  it("unixODBC: libodbc1 (bullseye) → libodbc2 (bookworm, trixie)", () => {
    expect(exists("bullseye", "libodbc1")).toBe(true);
    expect(checkedAbsent("bullseye", "libodbc2")).toBe(true);
    expect(exists("bookworm", "libodbc2")).toBe(true);
    expect(exists("trixie", "libodbc2")).toBe(true);
    expect(checkedAbsent("trixie", "libodbc1")).toBe(true);
    // bookworm still ships libodbc1, but only as a transitional package pulling libodbc2
    if (exists("bookworm", "libodbc1")) expect(debianPackage("bookworm", "libodbc1")!.depends).toContain("libodbc2");
  });

  it("libffi7 (bullseye) → libffi8; t64 renames in trixie", () => {
    expect(exists("bullseye", "libffi7")).toBe(true);
    expect(checkedAbsent("bullseye", "libffi8")).toBe(true);
    expect(exists("bookworm", "libffi8")).toBe(true);
    expect(exists("trixie", "libffi8")).toBe(true);
    for (const [old, t64] of [
      ["libreadline8", "libreadline8t64"],
      ["libgdbm6", "libgdbm6t64"],
      ["libdb5.3", "libdb5.3t64"],
    ]) {
      expect(exists("bookworm", old), old).toBe(true);
      expect(checkedAbsent("bookworm", t64), t64).toBe(true);
      expect(exists("trixie", t64), t64).toBe(true);
      expect(checkedAbsent("trixie", old), old).toBe(true);
    }
  });
});

describe("accessors", () => {
  it("debianPackage returns facts and nothing for unknown or prototype names", () => {
    const libc = debianPackage("bookworm", "libc6");
    expect(libc).toBeDefined();
    expect(libc!.source).toBe("glibc");
    expect(libc!.installedSizeKiB).toBeGreaterThan(1000);
    expect(debianPackage("bookworm", "no-such-package")).toBeUndefined();
    expect(debianPackageExists("bookworm", "constructor")).toBe(false);
    expect(debianPackageExists("bookworm", "__proto__")).toBe(false);
  });

  it("dependencyClosure is sorted, contains its inputs and is closed", () => {
    for (const release of DEBIAN_RELEASES) {
      const c = dependencyClosure(release, ["libpq5"]);
      expect(c).toEqual([...c].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(c).toContain("libpq5");
      expect(c).toContain("libc6");
      expect(c).toContain(release === "bullseye" ? "libssl1.1" : release === "bookworm" ? "libssl3" : "libssl3t64");
      expect(dependencyClosure(release, c)).toEqual(c);
    }
  });

  it("dependencyClosure resolves recorded virtuals and keeps unknown names unexpanded", () => {
    const rel = debianRelease("bookworm");
    const [virtual, choice] = Object.entries(rel.virtuals)[0] ?? [];
    if (virtual) expect(dependencyClosure("bookworm", [virtual])).toContain(choice!.chosen);
    expect(dependencyClosure("bookworm", ["zz-not-debian"])).toEqual(["zz-not-debian"]);
    expect(dependencyClosure("bookworm", [])).toEqual([]);
  });
});
