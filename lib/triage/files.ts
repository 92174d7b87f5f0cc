/**
 * The file → package table triage reads: per Debian release, the headers (relative to /usr/include, the multiarch
 * directory dropped), shared-library file names and /usr/bin programs of the packages a Python build meets.
 * Written by scripts/triage-files.ts (npm run data:debian) from Debian's Contents indices, never by hand.
 */
export interface TriageFiles {
  release: string;
  /** What the table was made from. */
  from: string;
  /** Per package: headers (as an #include names them), shared-library file names, pkg-config modules, programs. */
  packages: Record<string, { headers?: string[]; libs?: string[]; pkgconfig?: string[]; programs?: string[] }>;
}
