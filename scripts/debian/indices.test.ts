import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURE_RELEASE, writeFixtureIndices } from "./fixtures";
import {
  contentsFiles, loadDhPython, loadPrograms, loadReleaseIndex, loadSources, parseContents, parsePackages, releaseField,
} from "./indices";

const dir = writeFixtureIndices();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("index files of a release", () => {
  it("Packages: the highest version of each name, its source without the version, Provides", () => {
    const idx = loadReleaseIndex(dir, FIXTURE_RELEASE);
    expect(idx).toMatchObject({ architecture: "amd64", archive: "http://deb.debian.org/debian", version: "12.15", codename: "bookworm" });
    expect(idx.packages.get("python3-baz")!.version).toBe("3.0-1");
    expect(idx.packages.get("python3-foo")).toMatchObject({ source: "pyfoo", architecture: "amd64" });
    expect(idx.packages.get("libfoo-common")!.architecture).toBe("all");
    expect(idx.providers.get("pkg-config")).toEqual([{ name: "pkgconf", version: "1.8.1-1" }]);
    expect(idx.providers.get("libbar-headers")).toEqual([{ name: "libbar-dev", version: undefined }]);
    expect(releaseField(dir, FIXTURE_RELEASE, "Date")).toBe("Sat, 11 Jul 2026 10:16:37 UTC");
  });

  it("Sources: the highest version, Build-Depends then Build-Depends-Arch (not -Indep)", () => {
    const src = loadSources(dir, FIXTURE_RELEASE);
    expect(src.get("baz")!.version).toBe("3.0-1");
    expect(src.get("baz")!.buildDepends.map((g) => g[0].name)).toEqual(["debhelper-compat", "libfoo-dev"]);
    expect(src.get("pyfoo")!.binaries).toEqual(["python3-foo", "python3-foo-ext", "python3-foo-doc"]);
    expect(src.get("pyfoo")!.buildDepends.flat().map((a) => a.name)).not.toContain("texlive-latex-base");
  });

  it("Contents: program paths per package, read through the compression", () => {
    const files = contentsFiles(dir, FIXTURE_RELEASE)!;
    expect(files.map((f) => f.replace(/.*_main_/, ""))).toEqual(["Contents-amd64.gz", "Contents-all"]);
    const programs = loadPrograms(files);
    expect(programs.get("foo-tools")).toEqual(["bin/foo-run", "usr/bin/foo-tool"]);
    expect(programs.get("barapp")).toEqual(["usr/bin/bar", "usr/bin/with space"]);
    expect(programs.has("libfoo1")).toBe(false); // not a program path
    expect(programs.has("foo-data")).toBe(false);
  });

  it("parseContents: a package list per path, a path may hold spaces, the header line is skipped", () => {
    const m = parseContents("FILE LOCATION\nusr/bin/a b   x/p1,y/p2\n\n");
    expect([...m]).toEqual([["p1", ["usr/bin/a b"]], ["p2", ["usr/bin/a b"]]]);
  });

  it("dh-python: the mapping text and the version from the .deb name", () => {
    const dh = loadDhPython(dir, FIXTURE_RELEASE);
    expect(dh.version).toBe("5.20230130+deb12u1");
    expect(dh.text).toContain("Foo_Lib python3-foo");
  });

  it("parsePackages: ignores stanzas without a name or version", () => {
    expect([...parsePackages("Package: a\n\nVersion: 1\n\nPackage: b\nVersion: 1\n").keys()]).toEqual(["b"]);
  });

  it("a missing release folder is an error naming the fetch script", () => {
    expect(() => loadReleaseIndex(dir, "trixie")).toThrow(/fetch-debian-indices/);
  });
});
