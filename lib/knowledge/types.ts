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
}

export interface PackageKnowledge {
  /** PEP 503 normalised name: lowercase, runs of -_. collapsed to "-". */
  name: string;
  /** The name as the project spells it on PyPI, e.g. "Pillow". */
  display: string;
  /** One line: what the package is. */
  summary: string;
  /** Compilers needed when built from source. */
  toolchains: Toolchain[];
  needs: SystemNeed[];
  wheels: WheelAvailability;
  /**
   * An extra that swaps in a self-contained binary build, which drops every
   * system need (e.g. psycopg[binary] pulls psycopg-binary, which bundles libpq).
   */
  binaryExtra?: string;
  /** Short notes a user needs (e.g. "psycopg2-binary is not meant for production"). */
  notes: string[];
  /** Where the facts come from: Debian source package and its Build-Depends, the project's wheel build config, etc. */
  sources: string[];
}
