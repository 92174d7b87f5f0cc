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
}

export const ALPINE_NAMES: readonly AlpineNameRow[] = table.rows as AlpineNameRow[];

const BY_DEBIAN = new Map(ALPINE_NAMES.flatMap((row) => row.debian.map((name) => [name, row] as const)));

/** The Alpine packages for a Debian package name, or undefined when the table does not know it. */
export function alpineFor(debianName: string): AlpineNameRow | undefined {
  return BY_DEBIAN.get(debianName);
}
