/**
 * The official `python` Docker image catalog: which Python versions are published with
 * which variants. One data file: update it when docker-library/python changes.
 *
 * Sources:
 * - docker-library/python versions.json + generate-stackbrew-library.sh at commit
 *   4f07059567fa61c80397126e8063dbbde011b794 (2026-06-23), via shared/data/python-images.json:
 *   3.10–3.14 and 3.15-rc on trixie, slim-trixie, bookworm, slim-bookworm, alpine3.24, alpine3.23.
 * - The same repo's history (variant_history in that file): bullseye variants dropped 2025-08-08
 *   (tags stay pullable but are no longer rebuilt); 3.9 removed after its end of life.
 * - End-of-life dates: PEP 494 (3.6), 569 (3.8), 596 (3.9), 619 (3.10) and later release PEPs.
 */
import type { Target } from "./types";

export const CATALOG_AS_OF = "2026-11-22";

export type PythonStatus = "supported" | "prerelease" | "end-of-life";

export interface PythonVersionInfo {
  /** Minor version as users write it: "3.13". */
  version: string;
  /** What goes before the variant in the tag: "3.13", or "3.15-rc" for a pre-release. */
  tagPrefix: string;
  /** Last full version seen in the source: "3.13.14". */
  fullVersion: string;
  status: PythonStatus;
  /** End of life (YYYY-MM-DD), from the release PEP. */
  endOfLife: string;
  /** Variants the official image builds today. */
  variants: VariantId[];
  /** Variants whose tags are still pullable but no longer rebuilt (no security updates). */
  legacyVariants: VariantId[];
}

export const VARIANT_IDS = [
  "slim-trixie",
  "trixie",
  "slim-bookworm",
  "bookworm",
  "slim-bullseye",
  "bullseye",
  "alpine",
  "alpine3.24",
  "alpine3.23",
  "alpine3.22",
  "alpine3.20",
  "alpine3.19",
  "alpine3.15",
] as const;
export type VariantId = (typeof VARIANT_IDS)[number];

export interface VariantInfo {
  id: VariantId;
  family: "debian" | "alpine";
  /** Knowledge target the package names come from. */
  target: Target;
  /** Distribution release: "trixie", "3.24". */
  release: string;
  slim: boolean;
  label: string;
  /** One line for the UI. */
  description: string;
  /** Status of the distribution release itself. */
  distroNote?: string;
}

export const VARIANTS: Record<VariantId, VariantInfo> = {
  "slim-trixie": { id: "slim-trixie", family: "debian", target: "trixie", release: "trixie", slim: true, label: "Debian 13 trixie, slim", description: "Debian 13 with only what Python needs; the usual choice." },
  trixie: { id: "trixie", family: "debian", target: "trixie", release: "trixie", slim: false, label: "Debian 13 trixie, full", description: "buildpack-deps: compilers and common -dev headers preinstalled; large." },
  "slim-bookworm": { id: "slim-bookworm", family: "debian", target: "bookworm", release: "bookworm", slim: true, label: "Debian 12 bookworm, slim", description: "Previous Debian stable, slim." },
  bookworm: { id: "bookworm", family: "debian", target: "bookworm", release: "bookworm", slim: false, label: "Debian 12 bookworm, full", description: "Previous Debian stable with compilers and headers; large." },
  "slim-bullseye": { id: "slim-bullseye", family: "debian", target: "bullseye", release: "bullseye", slim: true, label: "Debian 11 bullseye, slim (legacy)", description: "No longer rebuilt by the official image since 2025-08-08.", distroNote: "Debian 11 LTS ended 2026-08-31: no more security updates." },
  bullseye: { id: "bullseye", family: "debian", target: "bullseye", release: "bullseye", slim: false, label: "Debian 11 bullseye, full (legacy)", description: "No longer rebuilt by the official image since 2025-08-08.", distroNote: "Debian 11 LTS ended 2026-08-31: no more security updates." },
  alpine: { id: "alpine", family: "alpine", target: "alpine", release: "latest", slim: true, label: "Alpine (newest)", description: "musl libc, tiny; most wheels are manylinux (glibc), so more compiles." },
  "alpine3.24": { id: "alpine3.24", family: "alpine", target: "alpine", release: "3.24", slim: true, label: "Alpine 3.24", description: "Current Alpine release." },
  "alpine3.23": { id: "alpine3.23", family: "alpine", target: "alpine", release: "3.23", slim: true, label: "Alpine 3.23", description: "Previous Alpine release." },
  "alpine3.22": { id: "alpine3.22", family: "alpine", target: "alpine", release: "3.22", slim: true, label: "Alpine 3.22 (legacy)", description: "Dropped by the official image 2026-06-10." },
  "alpine3.20": { id: "alpine3.20", family: "alpine", target: "alpine", release: "3.20", slim: true, label: "Alpine 3.20 (legacy)", description: "Last Alpine of the 3.8 images." },
  "alpine3.19": { id: "alpine3.19", family: "alpine", target: "alpine", release: "3.19", slim: true, label: "Alpine 3.19 (legacy)", description: "Older Alpine of the 3.8 images." },
  "alpine3.15": { id: "alpine3.15", family: "alpine", target: "alpine", release: "3.15", slim: true, label: "Alpine 3.15 (legacy)", description: "Last Alpine of the 3.6 images." },
};

const CURRENT: VariantId[] = ["slim-trixie", "trixie", "slim-bookworm", "bookworm", "alpine", "alpine3.24", "alpine3.23"];
const BULLSEYE: VariantId[] = ["slim-bullseye", "bullseye"];

export const PYTHON_VERSIONS: readonly PythonVersionInfo[] = [
  { version: "3.15", tagPrefix: "3.15-rc", fullVersion: "3.15.0b3", status: "prerelease", endOfLife: "2031-10-31", variants: CURRENT, legacyVariants: [] },
  { version: "3.14", tagPrefix: "3.14", fullVersion: "3.14.6", status: "supported", endOfLife: "2030-10-31", variants: CURRENT, legacyVariants: [] },
  { version: "3.13", tagPrefix: "3.13", fullVersion: "3.13.14", status: "supported", endOfLife: "2029-10-31", variants: CURRENT, legacyVariants: BULLSEYE },
  { version: "3.12", tagPrefix: "3.12", fullVersion: "3.12.13", status: "supported", endOfLife: "2028-10-31", variants: CURRENT, legacyVariants: BULLSEYE },
  { version: "3.11", tagPrefix: "3.11", fullVersion: "3.11.15", status: "supported", endOfLife: "2027-10-31", variants: CURRENT, legacyVariants: BULLSEYE },
  // 3.10 reached its end of life in October 2026; the last images stay pullable.
  { version: "3.10", tagPrefix: "3.10", fullVersion: "3.10.20", status: "end-of-life", endOfLife: "2026-10-31", variants: CURRENT, legacyVariants: BULLSEYE },
  { version: "3.9", tagPrefix: "3.9", fullVersion: "3.9.25", status: "end-of-life", endOfLife: "2025-10-31", variants: [], legacyVariants: ["slim-trixie", "trixie", "slim-bookworm", "bookworm", "slim-bullseye", "bullseye", "alpine", "alpine3.22"] },
  { version: "3.8", tagPrefix: "3.8", fullVersion: "3.8.20", status: "end-of-life", endOfLife: "2024-10-07", variants: [], legacyVariants: ["slim-bookworm", "bookworm", "slim-bullseye", "bullseye", "alpine", "alpine3.20", "alpine3.19"] },
  { version: "3.6", tagPrefix: "3.6", fullVersion: "3.6.15", status: "end-of-life", endOfLife: "2021-12-23", variants: [], legacyVariants: ["slim-bullseye", "bullseye", "alpine", "alpine3.15"] },
];

export const PYTHON_VERSION_IDS = PYTHON_VERSIONS.map((p) => p.version) as [string, ...string[]];

/**
 * Published sizes of official base images, each with its source. `docker images` reports the
 * uncompressed size; registries show compressed sizes. Only figures someone measured are listed.
 */
export interface ImageSizeFact {
  image: string;
  mb: number;
  kind: "uncompressed";
  source: string;
  date: string;
}

export const IMAGE_SIZE_FACTS: readonly ImageSizeFact[] = [
  // Seed 000 calls bullseye "the current stable debian release": measured between 2021-08 and 2023-06.
  { image: "python:3.8-slim-bullseye", mb: 122, kind: "uncompressed", source: "seed 000/001 (docker images, image created \"5 days ago\")", date: "2021-08/2023-06 (bullseye was Debian stable)" },
  // Seed 003: both tags "3 weeks ago"; 1.01GB is bookworm's full-image size (docs/weight-estimate.md), so
  // measured after python:3.10-slim became slim-bookworm (2023-06); the text was republished 2025-03-22.
  { image: "python:3.10-slim", mb: 154, kind: "uncompressed", source: "seed 003 (docker images)", date: "2023-06/2025-03 (bookworm era)" },
  { image: "python:3.10", mb: 1010, kind: "uncompressed", source: "seed 003 (docker images)", date: "2023-06/2025-03 (bookworm era)" },
  // Seed 004 names Alpine 3.7 as "the latest": written between 2017-11 (3.7.0) and 2018-06 (3.8.0).
  { image: "python:3.6-alpine", mb: 89.2, kind: "uncompressed", source: "seed 004", date: "2017-11/2018-06 (Alpine 3.7 was the latest)" },
  { image: "alpine:3.7", mb: 4.15, kind: "uncompressed", source: "seed 004", date: "2017-11/2018-06 (Alpine 3.7 was the latest)" },
];

/**
 * Variants the spec refuses outright, with the reason. Debian buster's archive moved to
 * archive.debian.org, so `apt-get update` fails inside python:*-buster images (seed 002 used
 * python:3.9-slim-buster).
 */
export const REFUSED_VARIANTS: Record<string, string> = {
  buster: "Debian 10 buster moved to archive.debian.org: apt-get update fails in python:*-buster images; use slim-bullseye or newer",
  "slim-buster": "Debian 10 buster moved to archive.debian.org: apt-get update fails in python:*-buster images; use slim-bullseye or newer",
  stretch: "Debian 9 stretch is archived: apt-get cannot install packages there; use slim-bookworm or newer",
  "slim-stretch": "Debian 9 stretch is archived: apt-get cannot install packages there; use slim-bookworm or newer",
};

export function pythonInfo(version: string): PythonVersionInfo | undefined {
  return PYTHON_VERSIONS.find((p) => p.version === version);
}

/** Every variant a version can be pulled with, current first. */
export function variantsFor(version: string): VariantId[] {
  const info = pythonInfo(version);
  return info ? [...info.variants, ...info.legacyVariants] : [];
}

export function isLegacyVariant(version: string, variant: VariantId): boolean {
  return pythonInfo(version)?.legacyVariants.includes(variant) ?? false;
}

/** The image reference, e.g. "python:3.13-slim-trixie". */
export function imageTag(version: string, variant: VariantId): string {
  const info = pythonInfo(version);
  return `python:${info?.tagPrefix ?? version}-${variant}`;
}
