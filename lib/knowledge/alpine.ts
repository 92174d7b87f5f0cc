/**
 * Debian → Alpine package names for the most common native packages (alpine-names.json), so a fact known only
 * for Debian (the derived layer) can name its apk packages. Pure and browser-safe; nothing on the page's first
 * load imports it.
 */
import table from "./alpine-names.json" with { type: "json" };

export interface AlpineNameRow {
  /** Debian names with the same role, across releases (renames such as libssl3 → libssl3t64 share a row). */
  debian: string[];
  /** The apk packages that provide it on Alpine. */
  alpine: string[];
  stage: "build" | "runtime";
  /** The aports APKBUILD the Alpine names were read from, e.g. "main/zlib". */
  aports: string;
  /** The aports commit of the APKBUILD version read, where recorded (the search corpus holds several versions). */
  commit?: string;
}

export const ALPINE_NAMES: readonly AlpineNameRow[] = table.rows as AlpineNameRow[];

export interface AlpineAbsentRow {
  /** Debian names with no Alpine package of the same role. */
  debian: string[];
  /** Why: e.g. a Debian-only split, or a library Alpine does not package. */
  reason: string;
  /**
   * true: the name's role exists only in Debian's packaging (a .deb building helper, a tool switcher), so an
   * Alpine build needs nothing in its place and it is left out; otherwise Alpine lacks something the build uses.
   */
  debianOnly?: boolean;
}

/** Debian names Alpine has no equivalent for, each with the reason. */
export const ALPINE_ABSENT: readonly AlpineAbsentRow[] = (table.absent ?? []) as AlpineAbsentRow[];

const BY_DEBIAN = new Map(ALPINE_NAMES.flatMap((row) => row.debian.map((name) => [name, row] as const)));

/** The Alpine packages for a Debian package name, or undefined when the table does not know it. */
export function alpineFor(debianName: string): AlpineNameRow | undefined {
  return BY_DEBIAN.get(debianName);
}

const ABSENT_BY_DEBIAN = new Map(ALPINE_ABSENT.flatMap((row) => row.debian.map((name) => [name, row.reason] as const)));

/** Why Alpine has no package for a Debian name, or undefined when that is not known to be the case. */
export function alpineAbsent(debianName: string): string | undefined {
  return ABSENT_BY_DEBIAN.get(debianName);
}

const DEBIAN_ONLY = new Set(ALPINE_ABSENT.filter((row) => row.debianOnly).flatMap((row) => row.debian));

/** Whether a Debian name stands for nothing an Alpine build needs (an absent row marked debianOnly). */
export function alpineDebianOnly(debianName: string): boolean {
  return DEBIAN_ONLY.has(debianName);
}

/** The table as the merge takes it (lib/knowledge/merge.ts AlpineLookup): the page loads this module only for Alpine. */
export const ALPINE_LOOKUP = { row: alpineFor, debianOnly: alpineDebianOnly } as const;
