/**
 * Whether pip installs a wheel or compiles, from a package's wheel facts. Pure and browser-safe.
 *
 * Without an exact pin pip takes the newest release that fits, so the latest release's wheels decide (today's rule).
 * An exact pin (`==X`, `===X`) names the release, so the release history decides where it is known
 * (WheelHistory); where it is not, the latest release decides and the sentence says so.
 */
import { compareVersions } from "../versions";
import type { Arch, Libc, PackageKnowledge, WheelPlatform } from "./types";

export interface WheelDecision {
  /** pip finds a wheel for this Python and platform (for the pinned release, when pinned). */
  wheel: boolean;
  /** One sentence: why, naming the release that decided when a pin did. */
  detail: string;
}

function minor(version: string): number {
  return Number(version.split(".")[1] ?? 0);
}

/** The release an exact pin names (`==1.2.3`, `=== 1.2.3`), or undefined for ranges, wildcards and lists. */
export function exactPin(specifier: string | undefined): string | undefined {
  const m = specifier?.match(/^\s*(===?)\s*([^\s,]+)\s*$/);
  if (!m) return undefined;
  if (m[1] === "==" && m[2].includes("*")) return undefined;
  return m[2];
}

/**
 * Whether the latest release has a wheel. Below its minimum Python, pip's resolver honours Requires-Python and
 * falls back to the newest older release, which had wheels for the same platforms (an approximation the plan
 * states). Above the maximum, only the sdist fits.
 */
function latestFits(k: PackageKnowledge, python: string, libc: Libc, arch: Arch): boolean {
  if (k.wheels.pure) return true;
  if (!k.wheels[libc][arch]) return false;
  return minor(python) <= minor(k.wheels.python.max);
}

function olderRelease(k: PackageKnowledge, python: string): boolean {
  return !k.wheels.pure && minor(python) < minor(k.wheels.python.min);
}

function describeNoWheel(k: PackageKnowledge, python: string, libc: Libc, arch: Arch): string {
  const w = k.wheels;
  if (!w.manylinux.x86_64 && !w.manylinux.aarch64 && !w.musllinux.x86_64 && !w.musllinux.aarch64)
    return `${k.display} publishes no Linux wheels: it is compiled from source.`;
  if (!w[libc][arch]) return `${k.display} publishes no ${libc} ${arch} wheel: it is compiled from source.`;
  return `${k.display}'s wheels cover Python ${w.python.min}–${w.python.max}, not ${python}: it is compiled from source.`;
}

function describeLatest(k: PackageKnowledge, python: string, libc: Libc, arch: Arch): WheelDecision {
  if (!latestFits(k, python, libc, arch)) return { wheel: false, detail: describeNoWheel(k, python, libc, arch) };
  const detail = olderRelease(k, python)
    ? `The latest ${k.display} needs Python ${k.wheels.python.min}+; pip picks the newest release that supports ${python}, a ${libc} ${arch} wheel: nothing is compiled.`
    : `A ${libc} ${arch} wheel exists for Python ${python}: nothing is compiled.`;
  return { wheel: true, detail };
}

/**
 * The first release with a wheel for this CPython and platform: the later of the CPython row and the platform's
 * start. undefined when the history does not say.
 */
export function firstWheelRelease(k: PackageKnowledge, python: string, libc: Libc, arch: Arch): { release: string; platformLater: boolean } | undefined {
  const h = k.wheels.history;
  const byPython = h?.python[python];
  if (!byPython) return undefined;
  const platform = h?.platforms?.[`${libc}-${arch}` as WheelPlatform];
  if (platform && (compareVersions(platform, byPython) ?? 0) > 0) return { release: platform, platformLater: true };
  return { release: byPython, platformLater: false };
}

/** How pip installs `k` for this Python and platform, given the requirement's version specifier. */
export function decideWheel(k: PackageKnowledge, specifier: string | undefined, python: string, libc: Libc, arch: Arch): WheelDecision {
  const pin = exactPin(specifier);
  if (pin === undefined || k.wheels.pure || !k.wheels[libc][arch]) return describeLatest(k, python, libc, arch);
  const tag = `cp${python.replace(".", "")}`;
  const first = firstWheelRelease(k, python, libc, arch);
  const order = first && compareVersions(pin, first.release);
  if (!first || order === undefined) {
    const latest = describeLatest(k, python, libc, arch);
    return { ...latest, detail: `${latest.detail} (No record of when ${k.display} first published ${tag} wheels: ${pin} is judged by the latest release.)` };
  }
  const what = first.platformLater ? `${tag} ${libc} ${arch} wheel` : `${tag} wheel`;
  return order >= 0
    ? { wheel: true, detail: `${k.display} ${pin} has a ${what} (first: ${first.release}): nothing is compiled.` }
    : { wheel: false, detail: `${k.display} ${pin} has no ${what} (first: ${first.release}): compiled from source.` };
}
