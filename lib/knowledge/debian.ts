/**
 * Typed, browser-safe access to debian-snapshot.json: facts about the Debian
 * packages Wheelwright can install (and their Depends + Pre-Depends closure),
 * taken from Debian's real Packages indices by scripts/build-debian-snapshot.ts.
 * Regenerate with `npm run data:debian`. Pure data: no Node, no React.
 */
import snapshot from "./debian-snapshot.json" with { type: "json" };
import { dependsClosure } from "./closure";
import type { DebianRelease } from "./types";

export interface DebianPackageInfo {
  version: string;
  installedSizeKiB: number;
  /** Resolved real package names (Depends + Pre-Depends, first alternative, virtuals resolved), sorted. */
  depends: readonly string[];
  priority: string;
  essential: boolean;
  section: string;
  /** Debian source package name. */
  source: string;
}

export interface DebianVirtualChoice {
  chosen: string;
  providers: readonly string[];
  rule: string;
}

export interface DebianReleaseSnapshot {
  codename: string;
  suite: string;
  version: string;
  /** Date field of the release's Release file. */
  date: string;
  roots: {
    /** What debian:<release>-slim starts from: Priority required or Essential yes, plus apt. */
    minbase: readonly string[];
    /** What python:*-slim-<release> keeps on top: ca-certificates, netbase, tzdata, CPython's shared libraries. */
    pythonSlim: readonly string[];
    /**
     * What the full python:<ver>-<release> image adds (buildpack-deps curl + scm + main layers, plus
     * libbluetooth-dev, tk-dev, uuid-dev), as real packages (a virtual name replaced by its provider).
     */
    full: readonly string[];
    /** The seed articles' own apt-get install lines, by seed number ("000" on bullseye, "003" on bookworm). */
    validation: Readonly<Record<string, readonly string[]>>;
  };
  /** Names used on some release that this release does not carry as a real package. */
  absent: readonly string[];
  virtuals: Readonly<Record<string, DebianVirtualChoice>>;
  unresolved: readonly string[];
  packages: Readonly<Record<string, DebianPackageInfo>>;
}

export interface DebianSnapshot {
  source: Readonly<Record<string, unknown>>;
  releases: Readonly<Record<DebianRelease, DebianReleaseSnapshot>>;
}

export const DEBIAN_SNAPSHOT: DebianSnapshot = snapshot as unknown as DebianSnapshot;

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

function releaseData(release: DebianRelease): DebianReleaseSnapshot {
  const r = hasOwn(DEBIAN_SNAPSHOT.releases, release) ? DEBIAN_SNAPSHOT.releases[release] : undefined;
  if (!r) throw new Error(`unknown Debian release: ${release}`);
  return r;
}

/** Release metadata, image roots, absent names and virtual-package resolutions. */
export function debianRelease(release: DebianRelease): DebianReleaseSnapshot {
  return releaseData(release);
}

/** True when `name` is a real (non-virtual) package of `release` in the snapshot. */
export function debianPackageExists(release: DebianRelease, name: string): boolean {
  return hasOwn(releaseData(release).packages, name);
}

/** The snapshot's facts about a real package, or undefined. */
export function debianPackage(release: DebianRelease, name: string): DebianPackageInfo | undefined {
  const pkgs = releaseData(release).packages;
  return hasOwn(pkgs, name) ? pkgs[name] : undefined;
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The names plus everything they need over Depends + Pre-Depends, sorted.
 * A virtual name the snapshot resolved is replaced by its chosen provider; a name
 * the snapshot does not know is kept as given and not expanded.
 */
export function dependencyClosure(release: DebianRelease, names: readonly string[]): string[] {
  const rel = releaseData(release);
  const roots = names.map((n) => (!hasOwn(rel.packages, n) && hasOwn(rel.virtuals, n) ? rel.virtuals[n].chosen : n));
  return [...dependsClosure(roots, (n) => (hasOwn(rel.packages, n) ? rel.packages[n].depends : undefined))].sort(byCodePoint);
}
