import type { PerTarget, Toolchain } from "./types";

/**
 * Distro packages that provide each compiler toolchain.
 * Debian names verified with apt-cache against the bullseye, bookworm and trixie
 * main indices (gcc/g++/gfortran are the gcc-defaults metapackages; libc6-dev from glibc).
 * Alpine names come from aports knowledge, not from an index.
 */
export const TOOLCHAINS: Record<Toolchain, PerTarget<string[]>> = {
  c: {
    bullseye: ["gcc", "libc6-dev"],
    bookworm: ["gcc", "libc6-dev"],
    trixie: ["gcc", "libc6-dev"],
    alpine: ["gcc", "musl-dev"],
  },
  // g++ Depends on gcc (the unversioned command setuptools calls as CC) in all three releases: g++ 4:10.2.1-1
  // (bullseye), 4:12.2.0-3 (bookworm) and 4:14.2.0-1 (trixie) each carry "gcc (= <same version>)". gcc stays named
  // anyway: apt installs the same set either way, and the plan then shows the C compiler a C++ extension's C
  // sources are built with.
  "c++": {
    bullseye: ["gcc", "g++", "libc6-dev"],
    bookworm: ["gcc", "g++", "libc6-dev"],
    trixie: ["gcc", "g++", "libc6-dev"],
    alpine: ["gcc", "g++", "musl-dev"],
  },
  fortran: {
    bullseye: ["gfortran"],
    bookworm: ["gfortran"],
    trixie: ["gfortran"],
    alpine: ["gfortran"],
  },
  rust: {
    bullseye: ["cargo", "rustc"],
    bookworm: ["cargo", "rustc"],
    trixie: ["cargo", "rustc"],
    alpine: ["cargo", "rust"],
  },
};

/**
 * Caveats about a toolchain on a target; null = nothing to warn about.
 * rustc versions from `apt-cache show rustc` on each release's main index:
 * bullseye 1.48.0, bookworm 1.63.0, trixie 1.85.1. bullseye also has rustc-web/cargo-web 1.78.0,
 * bookworm has rustc-web/cargo-web 1.85.0 (both in main).
 * MSRVs: pyca/cryptography Cargo.toml `rust-version = "1.83.0"`; pyca/bcrypt src/_bcrypt/Cargo.toml
 * `rust-version = "1.85"` (search corpus, current main).
 */
export const TOOLCHAIN_NOTES: Partial<Record<Toolchain, PerTarget<string | null>>> = {
  rust: {
    bullseye:
      "Debian bullseye packages rustc 1.48 (rustc-web 1.78 is also available); current cryptography needs Rust >= 1.83 and bcrypt >= 1.85, so their source builds fail with the distro compiler. Use the wheels, or install Rust with rustup.",
    bookworm:
      "Debian bookworm's rustc is 1.63, too old for current cryptography (needs Rust >= 1.83) and bcrypt (>= 1.85). Install the rustc-web/cargo-web packages (1.85 in bookworm) or use rustup, or stick to the wheels.",
    trixie: null,
    alpine:
      "Alpine's rust version depends on the Alpine release; cryptography needs Rust >= 1.83 and bcrypt >= 1.85 (older Alpine releases ship older Rust).",
  },
};
