/** Small constructors shared by the knowledge entries, so each entry reads as data. */
import type { PerTarget, SystemNeed, WheelAvailability } from "../types";

/** Package lists per target. */
export function perTarget(bullseye: string[], bookworm: string[], trixie: string[], alpine: string[]): PerTarget<string[]> {
  return { bullseye, bookworm, trixie, alpine };
}

/** The same Debian names in all three releases. */
export function sameDebian(debian: string[], alpine: string[]): PerTarget<string[]> {
  return perTarget(debian, debian, debian, alpine);
}

export function need(stage: SystemNeed["stage"], when: SystemNeed["when"], packages: PerTarget<string[]>, why: string): SystemNeed {
  return { stage, when, packages, why };
}

/** Wheel availability: [x86_64, aarch64] for manylinux and musllinux, and the CPython range. */
export function wheels(manylinux: [boolean, boolean], musllinux: [boolean, boolean], min: string, max: string): WheelAvailability {
  return {
    manylinux: { x86_64: manylinux[0], aarch64: manylinux[1] },
    musllinux: { x86_64: musllinux[0], aarch64: musllinux[1] },
    python: { min, max },
  };
}
export const ALL: [boolean, boolean] = [true, true];
export const NONE: [boolean, boolean] = [false, false];
export const ALL_WHEELS = (min: string, max: string): WheelAvailability => wheels(ALL, ALL, min, max);
export const NO_WHEELS = (min: string, max: string): WheelAvailability => wheels(NONE, NONE, min, max);
export const PURE_WHEELS = (min: string, max: string): WheelAvailability => ({ ...ALL_WHEELS(min, max), pure: true });

/** pkg-config as Debian's own packaging names it: a real package in bullseye, pkgconf after. */
export const PKG_CONFIG = perTarget(["pkg-config"], ["pkgconf"], ["pkgconf"], ["pkgconf"]);

export const ALPINE_FROM_APORTS = "Alpine package names from alpinelinux/aports APKBUILDs, not checked against an index";
