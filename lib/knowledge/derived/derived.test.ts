/**
 * The committed derived data (npm run data:debian) over the real indices: counts, spot checks of facts checked by
 * hand against the indices, every Debian name a real package of its release, and the two loaders agreeing.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEBIAN_RELEASES, type DebianRelease } from "../types";
import { DERIVED_META, derivedEntries, derivedEntry } from "./all";
import { loadDerivedShard } from "./shards";
import { DERIVED_SHARDS, derivedShardId } from "./types";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const names = (r: DebianRelease): Record<string, string> => JSON.parse(readFileSync(path.join(HERE, r, "debian-names.json"), "utf8"));
const get = (r: DebianRelease, n: string) => {
  const e = derivedEntry(r, n);
  if (!e) throw new Error(`${n} not derived on ${r}`);
  return e;
};

describe.each(DEBIAN_RELEASES)("derived knowledge, %s", (r) => {
  const entries = derivedEntries(r);

  it("knows at least 600 compiled and 3,000 pure Python projects, as meta.json says", () => {
    const compiled = entries.filter((e) => e.compiled).length;
    expect(compiled).toBeGreaterThanOrEqual(600);
    expect(entries.length - compiled).toBeGreaterThanOrEqual(3000);
    expect(DERIVED_META[r].counts).toMatchObject({ entries: entries.length, compiled, pure: entries.length - compiled });
  });

  it("has every shard file, and each entry sits in the shard of its name, keyed by it, with its release", () => {
    const files = readdirSync(path.join(HERE, r)).filter((f) => /^[0-9a-f]{2}\.json$/.test(f));
    expect(files).toHaveLength(DERIVED_SHARDS);
    for (const f of files) {
      const shard = JSON.parse(readFileSync(path.join(HERE, r, f), "utf8"));
      for (const [k, e] of Object.entries<{ name: string; debian: { release: string } }>(shard)) {
        expect(e.name).toBe(k);
        expect(derivedShardId(k) + ".json").toBe(f);
        expect(e.debian.release).toBe(r);
      }
    }
  });

  it("names only real packages of the release (debian-names.json, checked against the index when derived)", () => {
    const known = names(r);
    const missing = entries.flatMap((e) => [e.debian.package, ...e.runtime, ...e.build]).filter((n) => !Object.hasOwn(known, n));
    expect(missing).toEqual([]);
    for (const e of entries) expect(known[e.debian.package], e.name).toBe(e.debian.version);
  });

  it("requires only names that are entries of the same release", () => {
    const bad = entries.flatMap((e) => e.requires.filter((q) => !derivedEntry(r, q)).map((q) => `${e.name} → ${q}`));
    expect(bad).toEqual([]);
  });

  it("spot checks: compiled projects with their libraries and headers", () => {
    const ldap = get(r, "python-ldap");
    expect(ldap.compiled).toBe(true);
    expect(ldap.runtime.some((n) => /^libldap/.test(n))).toBe(true);
    expect(ldap.build).toEqual(expect.arrayContaining(["libsasl2-dev"]));
    expect(ldap.build.some((n) => /^libldap2?-dev$/.test(n))).toBe(true);
    expect(get(r, "psycopg2")).toMatchObject({ compiled: true, runtime: ["libpq5"], build: ["libpq-dev"] });
    expect(get(r, "lxml")).toMatchObject({ compiled: true, runtime: ["libxml2", "libxslt1.1"] });
    expect(get(r, "lxml").build).toEqual(expect.arrayContaining(["libxml2-dev", "libxslt1-dev", "zlib1g-dev"]));
    expect(get(r, "PyICU")).toMatchObject({ display: "PyICU", compiled: true, build: ["libicu-dev"], toolchains: ["c", "c++"] });
    expect(get(r, "pyicu").runtime.every((n) => /^libicu\d+$/.test(n))).toBe(true);
    expect(get(r, "PyAudio")).toMatchObject({ runtime: ["libportaudio2"], build: ["portaudio19-dev"] });
    expect(get(r, "pylibmc").build).toContain("libmemcached-dev");
    expect(get(r, "pylibmc").runtime).toEqual([expect.stringMatching(/^libmemcached11/)]);
    expect(get(r, "gssapi").build).toContain("libkrb5-dev");
    expect(get(r, "systemd-python")).toMatchObject({ compiled: true, build: expect.arrayContaining(["libsystemd-dev"]) });
    // cryptography needs Rust from 3.4 on; bullseye packages 3.3.
    expect(get(r, "cryptography").toolchains.includes("rust")).toBe(r !== "bullseye");
    expect(derivedEntry(r, "dlib")).toBeUndefined(); // not packaged in main
  });

  it("spot checks: pure projects, a wrapper carrying a native requirement, unknown names", () => {
    expect(get(r, "django-auth-ldap")).toMatchObject({ compiled: false, build: [], toolchains: [] });
    expect(get(r, "django_auth_ldap").requires).toContain("python-ldap");
    expect(get(r, "Flask")).toMatchObject({ compiled: false, runtime: [], requires: expect.arrayContaining(["click", "jinja2", "werkzeug"]) });
    expect(get(r, "gunicorn").compiled).toBe(false);
    // Dependants of python3-pil (and its part python3-pil.imagetk) require Pillow by its PyPI name, so a "via" chain
    // reaches the curated Pillow facts; dh-python's other name for it, "pil", is required by nobody.
    expect(get(r, "wordcloud").requires).toContain("pillow");
    expect(get(r, "guizero").requires).toContain("pillow");
    expect(entries.filter((e) => e.requires.includes("pil")).map((e) => e.name)).toEqual([]);
    expect(derivedEntry(r, "no-such-project-xyz")).toBeUndefined();
    expect(derivedEntry(r, "constructor")).toBeUndefined();
    expect(derivedEntry(r, "__proto__")).toBeUndefined();
  });

  it("records where it comes from", () => {
    expect(DERIVED_META[r]).toMatchObject({ release: r, architecture: "amd64" });
    expect(DERIVED_META[r].date).toMatch(/UTC$/);
    if (DERIVED_META[r].scriptsKnown) expect(get(r, "flask").scripts).toContain("flask");
  });

  it("the lazy loader gives the same shards as the synchronous module", async () => {
    for (const name of ["flask", "python-ldap", "lxml"]) {
      const shard = await loadDerivedShard(r, derivedShardId(name));
      expect(shard[name]).toEqual(derivedEntry(r, name));
    }
    await expect(loadDerivedShard(r, "40")).rejects.toThrow(/no derived shard/);
    await expect(loadDerivedShard("sid" as DebianRelease, "00")).rejects.toThrow(/no derived shard/);
  });
});

describe("trixie's scripts, read from the .deb files (its Contents does not match InRelease)", () => {
  it("are known, with the method recorded, and every entry's .deb was listed", () => {
    expect(DERIVED_META.trixie).toMatchObject({ scriptsKnown: true, scriptsUnknown: [] });
    expect(DERIVED_META.trixie.scriptsMethod).toMatch(/^scripts from the \.deb files \(Contents of .* did not match InRelease\)$/);
    expect(DERIVED_META.bookworm.scriptsMethod).toMatch(/^Contents/);
  });

  it("python3-flask installs flask; python3-gunicorn installs no program (Debian's gunicorn binary ships it)", () => {
    expect(get("trixie", "flask").scripts).toEqual(["flask"]);
    expect(get("trixie", "gunicorn")).toMatchObject({ debian: { package: "python3-gunicorn" }, scripts: [] });
    expect(get("trixie", "black").scripts).toEqual(expect.arrayContaining(["black"]));
  });

  it("agree with bookworm's Contents for every .deb both releases share (same package and version: one pool file)", () => {
    const bookworm = new Map(derivedEntries("bookworm").map((e) => [`${e.debian.package} ${e.debian.version}`, e.scripts]));
    const shared = derivedEntries("trixie").filter((e) => bookworm.has(`${e.debian.package} ${e.debian.version}`));
    expect(shared.length).toBeGreaterThan(500);
    expect(shared.filter((e) => e.scripts.length).length).toBeGreaterThanOrEqual(100);
    const differ = shared.filter((e) => e.scripts.join(" ") !== bookworm.get(`${e.debian.package} ${e.debian.version}`)!.join(" "));
    expect(differ.map((e) => e.name)).toEqual([]);
  });
});
