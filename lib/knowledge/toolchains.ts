import type { PerTarget, Toolchain } from "./types";

// Placeholder written by the lead; the knowledge helper replaces it with verified names and notes.
export const TOOLCHAINS: Record<Toolchain, PerTarget<string[]>> = {
  c: { bullseye: ["gcc", "libc6-dev"], bookworm: ["gcc", "libc6-dev"], trixie: ["gcc", "libc6-dev"], alpine: ["gcc", "musl-dev"] },
  "c++": { bullseye: ["g++"], bookworm: ["g++"], trixie: ["g++"], alpine: ["g++"] },
  fortran: { bullseye: ["gfortran"], bookworm: ["gfortran"], trixie: ["gfortran"], alpine: ["gfortran"] },
  rust: { bullseye: ["cargo", "rustc"], bookworm: ["cargo", "rustc"], trixie: ["cargo", "rustc"], alpine: ["cargo", "rust"] },
};

export const TOOLCHAIN_NOTES: Partial<Record<Toolchain, PerTarget<string | null>>> = {};
