/**
 * The derived knowledge layer: facts about Python projects that Debian packages, taken from Debian's own indices
 * (binary Packages, Sources, Contents, dh-python's PyPI name mapping) by scripts/, one release at a time, and
 * committed as data. Curated entries (lib/knowledge/packages/) sit on top and win field by field.
 *
 * Data files (written by `npm run data:debian`, never by hand):
 *   lib/knowledge/derived/<release>/<shard>.json   a DerivedShard: the entries whose derivedShardId is <shard>
 *   lib/knowledge/derived/<release>/meta.json      what the release's data was derived from (index dates, counts)
 * A shard holds a few dozen entries so the page can load the facts of the packages a user adds without loading
 * all of them. Pure and browser-safe.
 */
import type { DebianRelease, Toolchain } from "../types";

export interface DerivedEntry {
  /** PEP 503 normalised PyPI name. */
  name: string;
  /** The PyPI spelling, when dh-python's mapping gives one that differs from `name`. */
  display?: string;
  /** Where every fact of this entry comes from: the release, the Debian binary package, its version and source. */
  debian: { release: DebianRelease; package: string; version: string; source: string };
  /** true: Architecture any (compiled extension modules); false: Architecture all (pure Python). */
  compiled: boolean;
  /**
   * Debian packages the installed module needs at run time: the shared-library and program packages among the
   * binary's Depends, less libc, libpython, libgcc/libstdc++ and what python:*-slim already has. Sorted.
   */
  runtime: string[];
  /**
   * Debian packages a source build needs: the source package's Build-Depends (first alternative) less Debian's
   * packaging, documentation and test tooling, Python packages (they are `requires`) and the compilers (they are
   * `toolchains`). Sorted.
   */
  build: string[];
  /** Compilers among the Build-Depends. */
  toolchains: Toolchain[];
  /** PEP 503 names of the Python packages among Depends (python3-* mapped back to PyPI names). Sorted. */
  requires: string[];
  /**
   * Programs the binary package installs in /usr/bin: from the Contents index, or from the .deb itself where the
   * release's Contents is unverified (meta.scriptsMethod; a package in meta.scriptsUnknown has none listed). Sorted.
   */
  scripts: string[];
}

/** One release's entries of one shard, keyed by PEP 503 name. */
export type DerivedShard = Readonly<Record<string, DerivedEntry>>;

/** Number of shards per release. */
export const DERIVED_SHARDS = 64;

/**
 * The shard a PEP 503 name lives in: FNV-1a (32 bit) of its UTF-16 code units, modulo DERIVED_SHARDS, as two hex
 * digits ("00".."3f"). Stable forever for a given DERIVED_SHARDS: the data files are named by it.
 */
export function derivedShardId(name: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % DERIVED_SHARDS).toString(16).padStart(2, "0");
}
