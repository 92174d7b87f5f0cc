/**
 * Pure edits of a draft, one per user gesture that is more than "set this field". No zod and no package
 * knowledge: the page imports these at first load (the schema's questions are in evaluate.ts).
 */
import { normalizeName } from "../knowledge/names";
import { VARIANTS, variantsFor, type VariantId } from "../knowledge/python-images";
import type { DependencyGroup, FileSpecOptions } from "../requirements";
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

/**
 * Takes a pasted file's pip options into the draft: its --index-url replaces the one there (pip would read the
 * file's), its lists join the ones there, --pre turns pre-releases on. Nothing the file does not say changes.
 */
export function applyFileOptions(d: Draft, o: FileSpecOptions): Draft {
  const join = (have: readonly string[], more: readonly string[] = [], key: (s: string) => string = (s) => s) => {
    const seen = new Set(have.map(key));
    return [...have, ...more.filter((x) => !seen.has(key(x)) && seen.add(key(x)))];
  };
  return {
    ...d,
    indexUrl: o.indexUrl ?? d.indexUrl,
    extraIndexUrls: join(d.extraIndexUrls, o.extraIndexUrls),
    findLinks: join(d.findLinks, o.findLinks),
    trustedHosts: join(d.trustedHosts, o.trustedHosts),
    pre: d.pre || o.pre === true,
    noBinary: join(d.noBinary, o.noBinary, normalizeName),
    onlyBinary: join(d.onlyBinary, o.onlyBinary, normalizeName),
  };
}

/** A pasted pyproject.toml's packages: those it always installs, and its optional-dependency groups. */
export interface ProjectFile {
  main: readonly Requirement[];
  groups: readonly DependencyGroup[];
}

/**
 * Changes the chosen optional-dependency groups from `from` to `to` (names as typed; PEP 685 compares them
 * normalised as PEP 503 does package names): the packages of a newly chosen group join the draft, those of a group no longer chosen leave it,
 * unless the file installs them anyway or a group still chosen adds them too.
 */
export function switchGroups(d: Draft, file: ProjectFile, from: readonly string[], to: readonly string[]): Draft {
  const before = new Set(from.map(normalizeName));
  const after = new Set(to.map(normalizeName));
  const kept = new Set([...file.main, ...file.groups.filter((g) => after.has(normalizeName(g.name))).flatMap((g) => g.requirements)].map((r) => normalizeName(r.name)));
  const leaving = new Set(file.groups.filter((g) => before.has(normalizeName(g.name)) && !after.has(normalizeName(g.name))).flatMap((g) => g.requirements.map((r) => normalizeName(r.name))));
  const remaining = { ...d, packages: d.packages.filter((p) => !leaving.has(normalizeName(p.name)) || kept.has(normalizeName(p.name))) };
  // A package the file installs anyway goes back to the file's own line (psycopg, not the group's psycopg[c]).
  const restored = file.main.filter((r) => leaving.has(normalizeName(r.name)));
  const added = file.groups.filter((g) => after.has(normalizeName(g.name)) && !before.has(normalizeName(g.name))).flatMap((g) => g.requirements);
  return { ...addPackages(remaining, [...restored, ...added]), projectExtras: [...to] };
}
