import { describe, expect, it } from "vitest";
import { PACKAGES } from "../../lib/knowledge";
import type { RuntimeVerification, VerificationReport } from "../../lib/knowledge/verification";
import { BUILD_TARGETS, NOT_BUILDABLE } from "./build-targets";
import * as buildModule from "./build";
import { devPackagesToRemove } from "./build";
import type { CheckOutput } from "./check";
import { unresolvedNeeds } from "./check";
import { DEBIAN_BINARY_OVERRIDES, debianBinaryFor } from "./debian-map";
import { METHOD, serializeReport, summarize } from "./report";
import { brokeAgainst } from "./runtime";

const entry = (name: string, over: Partial<RuntimeVerification> = {}): RuntimeVerification => ({
  name,
  status: "ok",
  debian: [{ package: `python3-${name}`, version: "1.0-1" }],
  final: [],
  modules: 1,
  sharedObjects: 1,
  missing: [],
  needed: [],
  redundant: [],
  unobservable: [],
  inBase: [],
  debianOnly: [],
  details: [],
  ...over,
});

const report = (runtime: RuntimeVerification[]): VerificationReport => ({
  release: "trixie",
  date: "2026-12-02",
  debian: { python3: "3.13.5-1", archiveDate: "2026-11-15T09:00:00Z" },
  method: [],
  runtime,
  build: [],
});

describe("report serialisation", () => {
  it("is the same text whatever order the results arrive in", () => {
    const a = entry("lxml", { final: ["libxslt1.1", "libxml2"], needed: ["libxslt1.1", "libxml2"], details: ["b", "a"] });
    const b = entry("pillow", { status: "redundant", redundant: ["libwebpmux3"] });
    const one = serializeReport(report([a, b]));
    const two = serializeReport(report([b, { ...a, final: ["libxml2", "libxslt1.1"], details: ["a", "b"] }]));
    expect(one).toBe(two);
    const parsed = JSON.parse(one) as VerificationReport;
    expect(parsed.runtime.map((r) => r.name)).toEqual(["lxml", "pillow"]);
    expect(parsed.runtime[0].final).toEqual(["libxml2", "libxslt1.1"]);
    expect(parsed.method).toEqual(METHOD);
    expect(one.endsWith("}\n")).toBe(true);
  });

  it("summarises per status, naming the entries that need attention", () => {
    const text = summarize(report([entry("a"), entry("b", { status: "missing" }), entry("c", { status: "redundant" }), entry("d", { status: "not-runnable" })]));
    expect(text).toBe("trixie: 4 entries: 1 ok, 1 missing (b), 1 redundant (c), 1 not-runnable (d), 0 not-compiled");
  });
});

describe("entry → Debian binary mapping", () => {
  it("follows python3-<name> unless the table says otherwise", () => {
    expect(debianBinaryFor("lxml").packages).toEqual(["python3-lxml"]);
    expect(debianBinaryFor("pillow").packages).toEqual(["python3-pil"]);
    expect(debianBinaryFor("pyyaml").packages).toEqual(["python3-yaml"]);
  });

  it("names only curated entries, each with its evidence", () => {
    const names = new Set(PACKAGES.map((p) => p.name));
    for (const [name, m] of Object.entries(DEBIAN_BINARY_OVERRIDES)) {
      expect(names.has(name), name).toBe(true);
      expect(m.source.length, name).toBeGreaterThan(10);
    }
    for (const name of [...Object.keys(BUILD_TARGETS), ...Object.keys(NOT_BUILDABLE)]) expect(names.has(name), name).toBe(true);
  });
});

describe("build root", () => {
  it("removes the -dev packages python3-dev pulled in, keeping the builder list's closure and the interpreter's headers", () => {
    const installed = ["gcc", "libexpat1-dev", "libpq-dev", "libpython3.13-dev", "libssl-dev", "python3-dev", "python3.13-dev", "zlib1g-dev", "python3-numpy-dev"];
    expect(devPackagesToRemove(installed, new Set(["gcc", "libpq-dev", "libssl-dev"]), new Set())).toEqual(["libexpat1-dev", "zlib1g-dev"]);
  });
});

const out = (over: Partial<CheckOutput>): CheckOutput => ({ imports: {}, ldd: {}, real: {}, needed: {}, runs: {}, ...over });
const SO = "/usr/lib/python3/dist-packages/lxml/etree.so";

describe("judging a check", () => {
  const owners = new Map([
    ["/usr/lib/x86_64-linux-gnu/libxml2.so.2", "libxml2"],
    ["/usr/lib/x86_64-linux-gnu/libicuuc.so.72", "libicu72"],
    ["/usr/lib/x86_64-linux-gnu/libmpdec.so.3", "libmpdec3"],
  ]);
  it("counts direct needs that are missing or served by a package outside the allowed set", () => {
    const baseline = out({
      ldd: {
        [SO]: [
          { soname: "libxml2.so.2", path: "/lib/x86_64-linux-gnu/libxml2.so.2" },
          { soname: "libicuuc.so.72", path: "/lib/x86_64-linux-gnu/libicuuc.so.72" },
          { soname: "libxslt.so.1", path: null },
          { soname: "libmpdec.so.3", path: "/lib/x86_64-linux-gnu/libmpdec.so.3" },
        ],
      },
      needed: { [SO]: ["libxml2.so.2", "libxslt.so.1", "libmpdec.so.3"] },
    });
    // libicuuc is libxml2's own need (not DT_NEEDED of the module): not the module's finding.
    expect(unresolvedNeeds(baseline, owners, new Set(["libxml2", "libicu72"]))).toEqual([
      { soname: "libmpdec.so.3", neededBy: [SO], servedBy: "libmpdec3" },
      { soname: "libxslt.so.1", neededBy: [SO], servedBy: undefined },
    ]);
  });

  it("sees a removal break a direct need, not a library's own dependency", () => {
    const baseline = out({
      imports: { "lxml.etree": null },
      ldd: { [SO]: [{ soname: "libxml2.so.2", path: "/lib/x/libxml2.so.2" }, { soname: "libicuuc.so.72", path: "/lib/x/libicuuc.so.72" }] },
      needed: { [SO]: ["libxml2.so.2"] },
    });
    const withoutXml = out({ imports: { "lxml.etree": "ImportError: libxml2.so.2: cannot open shared object file: No such file or directory" }, ldd: { [SO]: [{ soname: "libxml2.so.2", path: null }] } });
    expect(brokeAgainst(baseline, withoutXml)).toMatch(/libxml2\.so\.2/);
    const withoutIcu = out({
      imports: { "lxml.etree": "ImportError: libicuuc.so.72: cannot open shared object file: No such file or directory" },
      ldd: { [SO]: [{ soname: "libxml2.so.2", path: "/lib/x/libxml2.so.2" }, { soname: "libicuuc.so.72", path: null }] },
    });
    expect(brokeAgainst(baseline, withoutIcu)).toBeNull();
    expect(brokeAgainst(baseline, baseline)).toBeNull();
    expect(brokeAgainst(baseline, out({ imports: { "lxml.etree": "SyntaxError: bad" }, ldd: baseline.ldd }))).toMatch(/SyntaxError/);
  });
});

describe("bookworm's setuptools", () => {
  it("gets PEP 639 license metadata in the table form it understands, nothing else changed", () => {
    const { pep639ToTable } = buildModule;
    const text = '[build-system]\nrequires = ["setuptools>=77"]\n\n[project]\nname = "x"\nlicense = "MIT"\nlicense-files = ["LICENSE"]\nversion = "1"\n\n[tool.x]\nlicense = "keep"\n';
    expect(pep639ToTable(text)).toBe('[build-system]\nrequires = ["setuptools>=77"]\n\n[project]\nname = "x"\nlicense = {text = "MIT"}\nversion = "1"\n\n[tool.x]\nlicense = "keep"\n');
    expect(pep639ToTable('[project]\nlicense = {text = "MIT"}\n')).toBeNull();
  });
});

describe("a failed build", () => {
  it("names the libraries the linker could not find and the headers the compiler could not", () => {
    const log = "  /usr/bin/ld: cannot find -lz: No such file or directory\n  collect2: error\n  src/x.c:3:10: fatal error: openssl/ssl.h: No such file or directory\n";
    expect(buildModule.missingAtBuild(log)).toEqual(["libz.so", "ssl.h"]);
    expect(buildModule.missingAtBuild("error: something else")).toEqual([]);
  });
});

describe("a wheel's requirements", () => {
  it("keeps unconditional Requires-Dist names only", () => {
    const md = "Metadata-Version: 2.1\nName: mariadb\nRequires-Dist: packaging\nRequires-Dist: Foo_Bar (>=1)\nRequires-Dist: pytest; extra == 'test'\nRequires-Dist: tomli; python_version < '3.11'\n";
    expect(buildModule.requiredDistributions(md)).toEqual(["foo-bar", "packaging"]);
  });
});

describe("source trees from snapshots", () => {
  it("reads the commit a tag pins from its gitlink, and nothing from a plain tree entry", () => {
    const { gitlinkCommit } = buildModule;
    expect(gitlinkCommit("160000 commit 610a87d755f6bae466cd871c2ba97574ccac5483\tvendor/llhttp\n")).toBe("610a87d755f6bae466cd871c2ba97574ccac5483");
    expect(gitlinkCommit("040000 tree 7060cc94c6cc45eaec3413ac3b1d0b0918a896fd\tsrc/libsodium\n")).toBeNull();
    expect(gitlinkCommit("")).toBeNull();
  });

  it("gives setuptools_scm the version the tag names", () => {
    expect(buildModule.versionFromTag("v2.2.6")).toBe("2.2.6");
    expect(buildModule.versionFromTag("1.3.16")).toBe("1.3.16");
    expect(buildModule.versionFromTag("python-ldap-3.4.7")).toBe("3.4.7");
  });

  it("fills every submodule from a repository and gives every older tag its reason", () => {
    for (const [name, t] of Object.entries(BUILD_TARGETS)) {
      for (const [sub, repository] of Object.entries(t.submodules ?? {})) {
        expect(sub, name).not.toMatch(/^\/|\.\./);
        expect(repository, name).toMatch(/^[\w.-]+\/[\w.-]+$/);
      }
      for (const older of Object.values(t.tagOn ?? {})) expect(older!.why.length, name).toBeGreaterThan(20);
    }
  });
});

describe("backend settings", () => {
  it("become one pip --config-settings each, repeats and order kept", () => {
    expect(buildModule.configSettingArgs(["setup-args=-Dsystem-freetype=true", "setup-args=-Dsystem-qhull=true", "compile-args=-j2"])).toEqual([
      "--config-settings=setup-args=-Dsystem-freetype=true",
      "--config-settings=setup-args=-Dsystem-qhull=true",
      "--config-settings=compile-args=-j2",
    ]);
    expect(buildModule.configSettingArgs()).toEqual([]);
  });

  it("refuses a setting that is not key=value", () => {
    expect(() => buildModule.configSettingArgs(["-Dsystem-qhull=true"])).toThrow(/not key=value/);
  });

  it("are each key=value in the targets table", () => {
    for (const [name, t] of Object.entries(BUILD_TARGETS)) expect(() => buildModule.configSettingArgs(t.configSettings), name).not.toThrow();
  });
});

describe("where a tag's tree is read", () => {
  const target = { repository: "o/up", tag: "v2", backends: [], source: "x" };
  it("is the upstream snapshot at the tag unless the target names a fork", () => {
    expect(buildModule.treeSource(target, "v2")).toEqual({ repository: "o/up", treeish: "v2" });
  });

  it("is the fork's snapshot at the tag's recorded commit, said in the note", () => {
    const forked = { ...target, from: { repository: "f/up", commits: { v2: "0123456789abcdef0123456789abcdef01234567" }, why: "upstream's snapshot is too large" } };
    const got = buildModule.treeSource(forked, "v2");
    expect(got.repository).toBe("f/up");
    expect(got.treeish).toBe("0123456789abcdef0123456789abcdef01234567");
    expect(got.note).toMatch(/v2 \(commit 0123456789ab\).*f\/up.*too large/);
    expect(() => buildModule.treeSource(forked, "v1")).toThrow(/no commit recorded for v1/);
  });

  it("assembles parts only for tags a target builds, each at a full commit id", () => {
    for (const [name, t] of Object.entries(BUILD_TARGETS)) {
      const built = new Set([t.tag, ...Object.values(t.tagOn ?? {}).map((o) => o!.tag)]);
      for (const [tag, parts] of Object.entries(t.parts ?? {})) {
        expect(built.has(tag), `${name} ${tag}`).toBe(true);
        for (const p of parts) expect(p.commit, `${name} ${p.path}`).toMatch(/^[0-9a-f]{40}$/);
      }
    }
  });

  it("has a full commit id for every tag a fork-read target builds", () => {
    for (const [name, t] of Object.entries(BUILD_TARGETS)) {
      if (!t.from) continue;
      for (const tag of [t.tag, ...Object.values(t.tagOn ?? {}).map((o) => o!.tag)]) expect(t.from.commits[tag], `${name} ${tag}`).toMatch(/^[0-9a-f]{40}$/);
    }
  });
});

describe("a program in a wheel", () => {
  it("is found among the wheel's scripts by name, not among its modules", () => {
    const names = ["uwsgidecorators.py", "uWSGI-2.0.30.data/scripts/uwsgi", "uWSGI-2.0.30.dist-info/METADATA", "pkg/scripts/uwsgi"];
    expect([...buildModule.wheelPrograms(names)]).toEqual([["uwsgi", "uWSGI-2.0.30.data/scripts/uwsgi"]]);
    expect(buildModule.wheelPrograms(["x/y.so"]).size).toBe(0);
  });

  it("counts a removal as breaking when the program ran before and fails after", () => {
    const BIN = "/usr/local/bin/uwsgi";
    const baseline = out({ ldd: { [BIN]: [{ soname: "libpcre2-8.so.0", path: "/lib/x/libpcre2-8.so.0" }] }, needed: { [BIN]: ["libpcre2-8.so.0"] }, runs: { [`${BIN} --version`]: { ok: true, output: "2.0.30" } } });
    const broken = out({ ldd: baseline.ldd, needed: baseline.needed, runs: { [`${BIN} --version`]: { ok: false, output: "uwsgi: error while loading shared libraries: libpcre2-8.so.0" } } });
    expect(brokeAgainst(baseline, broken)).toMatch(/--version: .*libpcre2-8/);
    expect(brokeAgainst(baseline, baseline)).toBeNull();
    // A program that already failed before proves nothing by failing again.
    expect(brokeAgainst(broken, broken)).toBeNull();
  });
});

describe("submodules", () => {
  const lsTree = [
    "100644 blob 1111111111111111111111111111111111111111\tREADME.md",
    "160000 commit 36f4c898f2255e0c98eb6949cd67381552d5ffea\tdoc/source/_static/scipy-mathjax",
    "160000 commit 33ae5dc94c9cdc7f1c78346504a85de87cadaa12\tnumpy/fft/pocketfft",
    "160000 commit 0d93515fb826440d19707eee47fd92655fe2f166\tvendored-meson/meson",
    "",
  ].join("\n");
  const gitlinks = buildModule.parseGitlinks(lsTree);

  it("are read from git ls-tree's commit entries only", () => {
    expect(gitlinks).toEqual([
      { path: "doc/source/_static/scipy-mathjax", commit: "36f4c898f2255e0c98eb6949cd67381552d5ffea" },
      { path: "numpy/fft/pocketfft", commit: "33ae5dc94c9cdc7f1c78346504a85de87cadaa12" },
      { path: "vendored-meson/meson", commit: "0d93515fb826440d19707eee47fd92655fe2f166" },
    ]);
  });

  it("count as assembled only at the gitlink's own commit, excluded paths aside", () => {
    const parts = [
      { path: "numpy/fft/pocketfft", repository: "mreineck/pocketfft", commit: "33ae5dc94c9cdc7f1c78346504a85de87cadaa12" },
      { path: "vendored-meson/meson", repository: "numpy/meson", commit: "7300f5fd4c1c8b0406faeec4cc631f11f1ea324c" },
    ];
    expect(buildModule.unassembledGitlinks(gitlinks, parts, ["doc/source/_static/scipy-mathjax"])).toEqual([
      { path: "vendored-meson/meson", commit: "0d93515fb826440d19707eee47fd92655fe2f166" },
    ]);
    expect(buildModule.unassembledGitlinks(gitlinks, parts, ["doc"]).map((g) => g.path)).toEqual(["vendored-meson/meson"]);
    expect(buildModule.unassembledGitlinks(gitlinks, parts, ["doc/source/_static/scipy"]).map((g) => g.path)).toEqual(["doc/source/_static/scipy-mathjax", "vendored-meson/meson"]);
  });
});

describe("Debian's original tarball", () => {
  const sources = [
    "Package: pandas",
    "Version: 2.2.3+dfsg-9",
    "Directory: pool/main/p/pandas",
    "Checksums-Sha256:",
    " 3b1b1e1a5b5e3a4a4c8f0f0c9a0f8e3f4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e 2714 pandas_2.2.3+dfsg-9.dsc",
    " 0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9 11209328 pandas_2.2.3+dfsg.orig.tar.xz",
    " ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100 112140 pandas_2.2.3+dfsg-9.debian.tar.xz",
    "",
    "Package: pandas",
    "Version: 2.3.1+dfsg-1",
    "Directory: pool/main/p/pandas",
    "Checksums-Sha256:",
    " 1111111111111111111111111111111111111111111111111111111111111111 1 pandas_2.3.1+dfsg.orig.tar.xz",
    "",
  ].join("\n");

  it("is found by source and version with its pool path and SHA-256", () => {
    expect(buildModule.origTarball(sources, "pandas", "2.2.3+dfsg-9")).toEqual({
      path: "pool/main/p/pandas/pandas_2.2.3+dfsg.orig.tar.xz",
      sha256: "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9",
    });
  });

  it("is absent for a version the index does not hold", () => {
    expect(buildModule.origTarball(sources, "pandas", "2.2.2+dfsg-1")).toBeUndefined();
    expect(buildModule.origTarball(sources, "numpy", "2.2.3+dfsg-9")).toBeUndefined();
  });
});

describe("a target on an older release", () => {
  const target = {
    repository: "o/x",
    tag: "v2",
    backends: ["python3-mesonpy"],
    configSettings: ["compile-args=-j2"],
    env: { A: "1" },
    tagOn: { bookworm: { tag: "v1", why: "old toolchain", backends: ["python3-setuptools"], configSettings: [] } },
    source: "x",
  };
  it("takes the older tag's backends and settings, keeping what the tag does not override", () => {
    const on = buildModule.targetOn(target, "bookworm");
    expect([on.tag, on.backends, on.configSettings, on.env]).toEqual(["v1", ["python3-setuptools"], [], { A: "1" }]);
  });
  it("is the target itself where no older tag is named", () => {
    expect(buildModule.targetOn(target, "trixie")).toBe(target);
  });
});
