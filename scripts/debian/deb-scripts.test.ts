import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { derivedShardId } from "../../lib/knowledge/derived/types";
import { debListing, debsToList, type Stats } from "../deb-scripts";
import { deriveFromIndices, derivedFiles } from "../derive-knowledge";
import { type DebScriptsTable, listDeb, matchingRow, programPathsOfListing, readDebScripts, serializeDebScripts } from "./deb-scripts";
import { CONTENTS_SCRIPTS_METHOD, DEB_SCRIPTS_RULE, type DerivedRelease, RULES } from "./derive";
import { FIXTURE_RELEASE, FIXTURE_SHA256, writeFixtureIndices } from "./fixtures";
import { parsePackages, type Stanza } from "./indices";
import { debScriptsFile } from "./paths";

const temps: string[] = [];
const temp = (prefix: string) => {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(d);
  return d;
};
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A real .deb made by dpkg-deb --build from a tree with programs, a link, a subfolder, a sbin daemon and a module. */
function buildDeb(): string {
  const root = temp("wheelwright-deb-");
  const tree = path.join(root, "tree");
  const file = (rel: string, text: string, mode = 0o644) => {
    mkdirSync(path.dirname(path.join(tree, rel)), { recursive: true });
    writeFileSync(path.join(tree, rel), text);
    chmodSync(path.join(tree, rel), mode);
  };
  file("DEBIAN/control", "Package: python3-demo\nVersion: 1.0-1\nArchitecture: all\nMaintainer: Test <t@example.org>\nDescription: demo\n");
  file("usr/bin/demo", "#!/usr/bin/python3\n", 0o755);
  symlinkSync("demo", path.join(tree, "usr/bin/demo3"));
  file("usr/bin/with space", "#!/bin/sh\n", 0o755);
  file("usr/bin/sub/inner", "#!/bin/sh\n", 0o755);
  file("usr/sbin/demod", "#!/bin/sh\n", 0o755);
  file("usr/lib/python3/dist-packages/demo/__init__.py", "");
  file("usr/share/doc/python3-demo/bin/not-a-program", "");
  mkdirSync(path.join(tree, "usr/bin/empty-dir"), { recursive: true });
  const deb = path.join(root, "python3-demo_1.0-1_all.deb");
  const r = spawnSync("dpkg-deb", ["--root-owner-group", "--build", tree, deb], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`dpkg-deb --build failed: ${r.stderr}`);
  return deb;
}

describe("programPathsOfListing over a .deb built by dpkg-deb", () => {
  it("keeps the files and links under usr/bin and usr/sbin, as Contents spells them; not folders, not other paths", async () => {
    const listing = await listDeb(buildDeb());
    expect(listing).toContain("./usr/bin/demo\n"); // tar's own spelling, which the parser must undo
    expect(programPathsOfListing(listing)).toEqual(["usr/bin/demo", "usr/bin/demo3", "usr/bin/sub/inner", "usr/bin/with space", "usr/sbin/demod"]);
  });

  it("a truncated .deb is an error, not a short listing", async () => {
    const deb = buildDeb();
    const bytes = readFileSync(deb);
    writeFileSync(deb, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(listDeb(deb)).rejects.toThrow();
  });
});

const row = (version: string, programs: string[], sha256 = "a".repeat(64)) => ({ version, sha256, programs });

describe("matchingRow: only the exact .deb the current Packages names", () => {
  const table: DebScriptsTable = {
    release: "trixie", archive: "http://deb.debian.org/debian", date: "d", method: "m",
    packages: { "python3-x": row("1.0-1", ["usr/bin/x"]) },
  };
  it("same version and SHA256: the row", () => {
    expect(matchingRow(table, { name: "python3-x", version: "1.0-1", sha256: "a".repeat(64) })?.programs).toEqual(["usr/bin/x"]);
  });
  it("another version, another SHA256, or no row: unknown", () => {
    expect(matchingRow(table, { name: "python3-x", version: "1.0-1+b1", sha256: "a".repeat(64) })).toBeUndefined();
    expect(matchingRow(table, { name: "python3-x", version: "1.0-1", sha256: "f".repeat(64) })).toBeUndefined();
    expect(matchingRow(table, { name: "python3-y", version: "1.0-1", sha256: "" })).toBeUndefined();
    expect(matchingRow(table, { name: "constructor", version: "1.0-1", sha256: "" })).toBeUndefined();
    expect(matchingRow(undefined, { name: "python3-x", version: "1.0-1", sha256: "" })).toBeUndefined();
  });
});

describe("the table file", () => {
  const a: DebScriptsTable = {
    release: "trixie", archive: "http://a", date: "d", method: "m",
    packages: { "python3-b": row("2", ["usr/sbin/b", "usr/bin/b"]), "python3-a": row("1", []) },
  };
  const b: DebScriptsTable = {
    packages: { "python3-a": row("1", []), "python3-b": row("2", ["usr/bin/b", "usr/sbin/b"]) },
    method: "m", date: "d", archive: "http://a", release: "trixie",
  };
  it("is deterministic: the same rows in another order give the same bytes, one package per line", () => {
    expect(serializeDebScripts(a)).toBe(serializeDebScripts(b));
    expect(serializeDebScripts(a).split("\n").filter((l) => l.startsWith('    "python3-'))).toHaveLength(2);
  });
  it("reads back as written", () => {
    const file = path.join(temp("wheelwright-table-"), "t.json");
    writeFileSync(file, serializeDebScripts(a));
    expect(readDebScripts(file)).toEqual({ ...b, packages: { ...b.packages } });
  });
});

describe("debsToList", () => {
  const packages = parsePackages(
    [
      "Package: python3-b\nVersion: 1\nFilename: pool/b.deb\nSize: 1\nSHA256: " + "1".repeat(64) + "\n",
      "Package: python3-a\nVersion: 1\nFilename: pool/a.deb\nSize: 1\nSHA256: " + "2".repeat(64) + "\n",
      "Package: app\nVersion: 1\nFilename: pool/app.deb\nSize: 1\nSHA256: " + "3".repeat(64) + "\n",
      "Package: other\nVersion: 1\nFilename: pool/other.deb\nSize: 1\nSHA256: " + "4".repeat(64) + "\n",
      "Package: nohash\nVersion: 1\nFilename: pool/nohash.deb\n",
    ].join("\n"),
  );
  it("every python3-* binary and every entry's package, sorted, with their Filename and SHA256", () => {
    expect(debsToList(packages, ["app", "python3-a"]).map((p) => [p.name, p.filename])).toEqual([
      ["app", "pool/app.deb"], ["python3-a", "pool/a.deb"], ["python3-b", "pool/b.deb"],
    ]);
  });
  it("refuses a stanza without a checksum: nothing unverified is listed", () => {
    expect(() => debsToList(packages, ["nohash"])).toThrow(/no Filename or SHA256/);
  });
});

describe("deriving scripts from the .deb table when Contents is absent", () => {
  const withTable = (packages: DebScriptsTable["packages"], opts: { contents?: boolean } = { contents: false }): DerivedRelease => {
    const dir = writeFixtureIndices(opts);
    temps.push(dir);
    const tables = temp("wheelwright-tables-");
    const table: DebScriptsTable = { release: FIXTURE_RELEASE, archive: "http://deb.debian.org/debian", date: "d", method: "m", packages };
    writeFileSync(debScriptsFile(FIXTURE_RELEASE, tables), serializeDebScripts(table));
    return deriveFromIndices(dir, FIXTURE_RELEASE, tables);
  };
  const entry = (d: DerivedRelease, name: string) => d.shards[derivedShardId(name)][name];
  const rows = {
    "python3-bar": row("0.5-2", ["usr/bin/bar", "usr/sbin/bard"], FIXTURE_SHA256.bar),
    barapp: row("0.1-1", ["usr/bin/barapp", "usr/bin/with space"], ""),
    "python3-foo": row("1.2-1", ["usr/bin/foo-cli"]), // Packages has 1.2-1+b1: another .deb
    "python3-pil": row("11.1.0-5", ["usr/bin/pil"], "d".repeat(64)), // same version, another SHA256
  };
  const d = withTable(rows);

  it("takes the scripts of the rows that match; the rest are unknown and listed in meta", () => {
    expect(entry(d, "bar").scripts).toEqual(["bar"]); // usr/sbin is a program path but no console script
    expect(entry(d, "barapp").scripts).toEqual(["barapp"]);
    expect(entry(d, "foo-lib").scripts).toEqual([]);
    expect(entry(d, "pillow").scripts).toEqual([]);
    expect(d.meta.scriptsKnown).toBe(true);
    expect(d.meta.scriptsUnknown).toEqual(["python3-baz", "python3-foo", "python3-pil", "python3-pilkit"]);
    expect(d.meta.scriptsMethod).toBe("scripts from the .deb files (Contents of Sat, 11 Jul 2026 10:16:37 UTC did not match InRelease)");
    expect(d.meta.rules.scripts).toBe(DEB_SCRIPTS_RULE);
    expect(d.meta.inputs.debScripts).toMatch(/^deb-scripts-bookworm\.json \(scripts\/deb-scripts\.ts\): the listings of 4 \.deb files/);
  });

  it("runtime is still judged without Contents (any non-library dependency counts as a program)", () => {
    expect(entry(d, "foo-lib").runtime).toEqual(["foo-tools", "libfoo1"]);
  });

  it("is deterministic: the same table and indices give the same bytes", () => {
    const again = derivedFiles({ bookworm: withTable(Object.fromEntries(Object.entries(rows).reverse())) });
    for (const [k, v] of derivedFiles({ bookworm: d })) expect(again.get(k), k).toBe(v);
  });

  it("a verified Contents index wins over a table", () => {
    const c = withTable(rows, { contents: true });
    expect(c.meta).toMatchObject({ scriptsKnown: true, scriptsMethod: CONTENTS_SCRIPTS_METHOD, scriptsUnknown: [] });
    expect(c.meta.rules.scripts).toBe(RULES.scripts);
    expect(entry(c, "barapp").scripts).toEqual(["bar"]); // Contents', not the table's
    expect(c.meta.inputs.debScripts).toBeUndefined();
  });

  it("without Contents and without a table: unknown, said so", () => {
    const dir = writeFixtureIndices({ contents: false });
    temps.push(dir);
    const n = deriveFromIndices(dir, FIXTURE_RELEASE, temp("wheelwright-no-tables-"));
    expect(n.meta).toMatchObject({ scriptsKnown: false, scriptsUnknown: [] });
    expect(n.meta.scriptsMethod).toMatch(/^unknown/);
  });
});

describe("debListing against a local archive", () => {
  it("downloads, checks the SHA256, lists, deletes the .deb and caches the listing; refuses a .deb that does not match", async () => {
    const deb = readFileSync(buildDeb());
    let hits = 0;
    const server = createServer((req, res) => {
      hits++;
      if (req.url === "/debian/pool/main/d/demo/python3-demo_1.0-1_all.deb") res.end(deb);
      else res.writeHead(404).end();
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    try {
      const archive = `http://127.0.0.1:${(server.address() as AddressInfo).port}/debian`;
      const cache = temp("wheelwright-cache-");
      mkdirSync(path.join(cache, "partial"));
      const stanza = {
        name: "python3-demo", version: "1.0-1", filename: "pool/main/d/demo/python3-demo_1.0-1_all.deb",
        size: deb.length, sha256: createHash("sha256").update(deb).digest("hex"),
      } as Stanza;
      const stats: Stats = { downloaded: 0, bytes: 0, cached: 0, failed: [] };

      expect(programPathsOfListing(await debListing(archive, stanza, cache, stats))).toContain("usr/bin/demo");
      expect(stats).toMatchObject({ downloaded: 1, bytes: deb.length, cached: 0 });
      expect(readdirSync(path.join(cache, "partial"))).toEqual([]);
      expect(existsSync(path.join(cache, `${stanza.sha256}.list`))).toBe(true);

      // Resumed: the cached listing, no request.
      const before = hits;
      await debListing(archive, stanza, cache, stats);
      expect(stats.cached).toBe(1);
      expect(hits).toBe(before);

      const wrong = { ...stanza, sha256: "0".repeat(64) };
      await expect(debListing(archive, wrong, cache, stats)).rejects.toThrow(/SHA256/);
      expect(hits - before).toBe(3); // retried, then given up
      expect(existsSync(path.join(cache, `${wrong.sha256}.list`))).toBe(false);
      expect(readdirSync(path.join(cache, "partial"))).toEqual([]);
      await expect(debListing(archive, { ...stanza, sha256: "1".repeat(64), filename: "pool/none.deb" }, cache, stats)).rejects.toThrow(/HTTP 404/);
    } finally {
      server.close();
    }
  });
});
