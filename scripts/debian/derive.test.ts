import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { derivedShardId } from "../../lib/knowledge/derived/types";
import { derivedFiles, deriveFromIndices } from "../derive-knowledge";
import { type DerivedRelease, parseDhPythonFallback } from "./derive";
import { FIXTURE_RELEASE, writeFixtureIndices } from "./fixtures";

const dirs: string[] = [];
function derive(opts?: Parameters<typeof writeFixtureIndices>[0]): DerivedRelease {
  const dir = writeFixtureIndices(opts);
  dirs.push(dir);
  return deriveFromIndices(dir, FIXTURE_RELEASE);
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const entry = (d: DerivedRelease, name: string) => d.shards[derivedShardId(name)][name];

describe("deriveRelease on fixture indices", () => {
  const d = derive();

  it("names the projects: dh-python's mapping, then python3-X; not CPython's own, docs or non-Python packages", () => {
    const names = Object.values(d.shards).flatMap((s) => Object.keys(s)).sort();
    expect(names).toEqual(["bar", "barapp", "baz", "foo-lib", "pil", "pilkit", "pillow"]);
    expect(entry(d, "foo-lib").display).toBe("Foo-Lib");
    expect(entry(d, "baz").display).toBeUndefined();
    expect(entry(d, "baz").debian).toEqual({ release: "bookworm", package: "python3-baz", version: "3.0-1", source: "baz" });
  });

  it("compiled: Architecture any, of the project or a part its source splits off; pure: Architecture all", () => {
    expect(entry(d, "foo-lib").compiled).toBe(true);
    expect(entry(d, "bar").compiled).toBe(false);
    expect(entry(d, "baz")).toMatchObject({ compiled: false, build: [], toolchains: [] });
  });

  it("runtime: libraries and programs among Depends, less libc, the C++ runtime, the slim image and data packages", () => {
    // libc6, libstdc++6, libssl3 and zlib1g (in the image), python3, foo-data, libjs-jquery: no needs.
    expect(entry(d, "foo-lib").runtime).toEqual(["foo-tools", "libfoo1"]);
  });

  it("requires: python3-* Depends as PyPI names, also for a wrapper (transitive needs stay visible)", () => {
    expect(entry(d, "foo-lib").requires).toEqual(["bar"]);
    expect(entry(d, "bar").requires).toEqual(["baz"]);
    expect(entry(d, "barapp").requires).toEqual(["bar"]);
  });

  it("requires: a binary mapped under several names is required by the project it Provides (python3-pil → pillow), also through a part", () => {
    expect(entry(d, "pil").debian.package).toBe("python3-pil");
    expect(entry(d, "pillow").debian.package).toBe("python3-pil");
    expect(entry(d, "pilkit").requires).toEqual(["pillow"]);
  });

  it("build: Build-Depends less packaging, Python, test and doc tooling, profile- and arch-restricted items; virtuals resolved", () => {
    expect(entry(d, "foo-lib").build).toEqual(["libbar-dev", "libfoo-dev", "libother-dev", "pkgconf"]);
    expect(entry(d, "foo-lib").toolchains).toEqual(["c", "c++", "rust"]);
  });

  it("scripts: the binary's usr/bin command names from Contents (compressed or not)", () => {
    expect(entry(d, "foo-lib").scripts).toEqual(["foo-cli"]);
    expect(entry(d, "bar").scripts).toEqual(["bar"]);
    expect(entry(d, "barapp").scripts).toEqual(["bar"]); // "with space" is no command name
  });

  it("unknown stays unknown: what Debian does not package as a Python project is in no shard", () => {
    for (const name of ["notpython", "venv", "foo-ext", "foo-docs", "argparse", "python3"]) expect(entry(d, name)).toBeUndefined();
  });

  it("every Debian name the entries mention is a real package of the release, with its version", () => {
    const mentioned = Object.values(d.shards)
      .flatMap((s) => Object.values(s))
      .flatMap((e) => [e.debian.package, ...e.runtime, ...e.build]);
    for (const n of mentioned) expect(d.names[n], n).toBeDefined();
    expect(d.names["libfoo1"]).toBe("1.2-1");
    expect(Object.keys(d.names)).toEqual([...new Set(mentioned)].sort());
  });

  it("meta: counts and inputs", () => {
    expect(d.meta.counts).toMatchObject({ entries: 7, compiled: 1, pure: 6 });
    expect(d.meta.date).toBe("Sat, 11 Jul 2026 10:16:37 UTC");
    expect(d.meta.scriptsKnown).toBe(true);
    expect(d.meta.inputs).toMatchObject({ packages: "main/binary-amd64/Packages", contents: ["main/Contents-amd64", "main/Contents-all"] });
  });

  it("is deterministic: the same indices in another order give the same bytes", () => {
    const again = derivedFiles({ bookworm: derive({ reverse: true }) });
    const first = derivedFiles({ bookworm: d });
    expect([...again.keys()]).toEqual([...first.keys()]);
    for (const [k, v] of first) expect(again.get(k), k).toBe(v);
    expect([...first.keys()].filter((k) => /^bookworm\/[0-9a-f]{2}\.json$/.test(k))).toHaveLength(64);
    expect(first.get(`bookworm/${derivedShardId("bar")}.json`)).toContain('"bar": {');
    expect(first.get("bookworm/3f.json") === "{}\n" || first.get("bookworm/3f.json")!.startsWith("{\n  \"")).toBe(true);
  });

  it("without a Contents index: scripts unknown (recorded), any non-library dependency counts as a program", () => {
    const n = derive({ contents: false });
    expect(n.meta.scriptsKnown).toBe(false);
    expect(entry(n, "bar").scripts).toEqual([]);
    expect(entry(n, "foo-lib").runtime).toEqual(["foo-tools", "libfoo1"]); // foo-data still is data by its name
  });
});

describe("parseDhPythonFallback", () => {
  it("reads 'Dist package [constraint]' lines", () => {
    expect(parseDhPythonFallback("A python3-a\n# c\n\nargparse python3 (>= 3.2)\n")).toEqual([
      { dist: "A", pkg: "python3-a" },
      { dist: "argparse", pkg: "python3" },
    ]);
  });
});
