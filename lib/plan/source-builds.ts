import { normalizeName } from "../knowledge/names";
import type { BuildSpec } from "../spec";

/** Whether the user asked for this package to be compiled: every package, or this one by name (pip --no-binary). */
export function compiledOnRequest(spec: Pick<BuildSpec, "buildFromSource" | "noBinary">, name: string): boolean {
  return spec.buildFromSource || spec.noBinary.some((n) => n === ":all:" || normalizeName(n) === normalizeName(name));
}

/** Whether the user asked for this package to come only as a wheel: every package, or this one by name (pip --only-binary). */
export function wheelsOnly(spec: Pick<BuildSpec, "onlyBinary">, name: string): boolean {
  return spec.onlyBinary.some((n) => n === ":all:" || normalizeName(n) === normalizeName(name));
}
