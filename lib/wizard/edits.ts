/**
 * Pure edits of a draft, one per user gesture that is more than "set this field". No zod and no package
 * knowledge: the page imports these at first load (the schema's questions are in evaluate.ts).
 */
import { normalizeName } from "../knowledge/names";
import { VARIANTS, variantsFor, type VariantId } from "../knowledge/python-images";
import type { Requirement } from "../spec";
import { finalBaseProblem } from "../spec-options";
import type { Draft } from "./draft";

/**
 * Switches the Python version. When the chosen image variant is not published for it, the
 * closest one is picked (same family and slimness, current before legacy) and the reason returned.
 */
export function choosePython(d: Draft, python: string): { draft: Draft; notice: string | null } {
  const available = variantsFor(python);
  let { base, finalBase } = d;
  const notes: string[] = [];
  if (available.length && !available.includes(base as VariantId)) {
    const old = VARIANTS[base as VariantId];
    const same = available.find((v) => old && VARIANTS[v].family === old.family && VARIANTS[v].slim === old.slim);
    const next = same ?? available[0];
    notes.push(`python:${python} is not published as ${base}, so the base image is now ${next}.`);
    base = next;
  }
  if (finalBase !== "" && finalBaseProblem(python, base as VariantId, finalBase as VariantId)) {
    notes.push(`The final stage now uses the same image as the build stage.`);
    finalBase = "";
  }
  return { draft: { ...d, python, base, finalBase }, notice: notes.length ? notes.join(" ") : null };
}

/** Adds requirements; one with the same (normalised) name as an existing one replaces it in place. */
export function addPackages(d: Draft, reqs: readonly Requirement[]): Draft {
  const packages = [...d.packages];
  for (const r of reqs) {
    const i = packages.findIndex((p) => normalizeName(p.name) === normalizeName(r.name));
    if (i >= 0) packages[i] = r;
    else packages.push(r);
  }
  return { ...d, packages };
}

export function removePackage(d: Draft, index: number): Draft {
  return { ...d, packages: d.packages.filter((_, i) => i !== index) };
}

export type Stage = "build" | "runtime";

/**
 * Removes a system package from a stage. One the user added leaves their list; one the knowledge
 * derived goes into `omit` (which the resolver applies to both stages).
 */
export function removeSystemPackage(d: Draft, stage: Stage, name: string, derived: boolean): Draft {
  const sp = d.systemPackages;
  return {
    ...d,
    systemPackages: {
      ...sp,
      [stage]: sp[stage].filter((n) => n !== name),
      omit: derived && !sp.omit.includes(name) ? [...sp.omit, name] : sp.omit,
    },
  };
}

/** Undoes an omission. */
export function restoreSystemPackage(d: Draft, name: string): Draft {
  return { ...d, systemPackages: { ...d.systemPackages, omit: d.systemPackages.omit.filter((n) => n !== name) } };
}

export function addSystemPackage(d: Draft, stage: Stage, name: string): Draft {
  const sp = d.systemPackages;
  return {
    ...d,
    systemPackages: {
      ...sp,
      [stage]: sp[stage].includes(name) ? sp[stage] : [...sp[stage], name],
      omit: sp.omit.filter((n) => n !== name),
    },
  };
}
