/**
 * Types of the package knowledge. Pure data types: no Node, no React.
 *
 * A target is the distribution release a stage is built on. Debian releases are
 * named by codename; Alpine is one target because its package names are stable
 * across 3.x releases for everything the knowledge uses.
 */
export const DEBIAN_RELEASES = ["bullseye", "bookworm", "trixie"] as const;
export type DebianRelease = (typeof DEBIAN_RELEASES)[number];
export const TARGETS = [...DEBIAN_RELEASES, "alpine"] as const;
export type Target = (typeof TARGETS)[number];
export type PerTarget<T> = Record<Target, T>;

/** Compilers a source build needs; mapped to distro packages in toolchains.ts. */
export type Toolchain = "c" | "c++" | "fortran" | "rust";

/**
 * One system-level need of a Python package.
 * - stage "build": only the builder stage installs it (headers, -dev packages, tools like pkg-config).
 * - stage "runtime": the final image installs it (shared libraries, helper programs).
 * - when "source": only needed when the package is compiled from its sdist (no usable wheel).
 * - when "always": needed even when a wheel is installed (the wheel links to a system
 *   library it does not bundle, e.g. pyodbc → unixODBC, or calls a program, e.g. pdf2image → pdftoppm).
 * packages: the package names per target; an empty array means "nothing needed / not packaged there".
 */
export interface SystemNeed {
  stage: "build" | "runtime";
  when: "source" | "always";
  packages: PerTarget<string[]>;
  /** Short reason shown to the user, e.g. "links against libpq at run time". */
  why: string;
}

export type Arch = "x86_64" | "aarch64";
export type Libc = "manylinux" | "musllinux";
/** A Linux wheel platform: libc flavour and architecture, e.g. "musllinux-aarch64". */
export type WheelPlatform = `${Libc}-${Arch}`;

/**
 * When wheels appeared, release by release, so an exact pin decides (Pillow==9.1.0 on 3.12 is compiled,
 * Pillow==11.0.0 is not). Facts from the project's release notes, changelog or wheel-build config, cited in
 * `sources`. A CPython minor that is not listed is unknown: the plan then decides as for the latest release.
 */
export interface WheelHistory {
  /**
   * The first release with Linux wheels for each CPython minor ("3.12": "10.0.0"), on every platform the latest
   * release covers unless `platforms` names a later start.
   */
  python: Record<string, string>;
  /** The first release with wheels for a platform, when later than the CPython rows say (Pillow's musllinux: 9.1.0). */
  platforms?: Partial<Record<WheelPlatform, string>>;
}

/** Which binary wheels the latest release on PyPI publishes. */
export interface WheelAvailability {
  manylinux: Record<Arch, boolean>;
  musllinux: Record<Arch, boolean>;
  /**
   * CPython minor versions the wheels cover, inclusive ("3.9" .. "3.14").
   * Outside this range pip falls back to the sdist (or an older release), so we
   * treat it as a source build. A pure-Python wheel ("py3-none-any") sets pure: true.
   */
  python: { min: string; max: string };
  /** True when the wheel is pure Python (py3-none-any): never compiled, any platform. */
  pure?: boolean;
  /** Wheels by release, for pinned versions; absent when unknown. */
  history?: WheelHistory;
}

/**
 * What an extra (`name[extra]`) adds. The pulled Python packages are resolved with their own knowledge, as if
 * listed (psycopg[c] pulls psycopg-c, compiled against libpq; uvicorn[standard] pulls uvloop and httptools).
 */
export interface ExtraKnowledge {
  /** PEP 503 names of the packages the extra pulls that carry system needs (the others are left to pip). */
  requires: string[];
  /** One line: what the extra brings. */
  why: string;
}

export interface PackageKnowledge {
  /** PEP 503 normalised name: lowercase, runs of -_. collapsed to "-". */
  name: string;
  /** The name as the project spells it on PyPI, e.g. "Pillow". */
  display: string;
  /** One line: what the package is. */
  summary: string;
  /**
   * Top-level modules to import, when they differ from the name with "-" as "_" (Pillow → PIL); empty when the
   * package has no importable module outside its own runtime (uWSGI's module exists only inside the server).
   */
  modules?: string[];
  /** Compilers needed when built from source. */
  toolchains: Toolchain[];
  needs: SystemNeed[];
  wheels: WheelAvailability;
  /**
   * An extra that swaps in a self-contained binary build, which drops every
   * system need (e.g. psycopg[binary] pulls psycopg-binary, which bundles libpq).
   */
  binaryExtra?: string;
  /** Extras that change the system needs, keyed by PEP 503 extra name. */
  extras?: Record<string, ExtraKnowledge>;
  /** Short notes a user needs (e.g. "psycopg2-binary is not meant for production"). */
  notes: string[];
  /** Where the facts come from: Debian source package and its Build-Depends, the project's wheel build config, etc. */
  sources: string[];
}

/** What the page knows of a curated entry before loading it (lib/knowledge/packages/catalog.ts). */
export type CuratedCatalogEntry = Pick<PackageKnowledge, "name" | "display" | "summary">;
