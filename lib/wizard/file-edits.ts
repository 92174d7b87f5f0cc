/**
 * The edits a pasted dependency file makes to a draft: its pip options and its optional-dependency groups. Apart
 * from edits.ts because only a paste, which runs in the engine, reaches them: the page's first load does not carry them.
 */
import { normalizeName } from "../knowledge/names";
import type { DependencyGroup, FileSpecOptions } from "../requirements";
import type { Requirement } from "../spec";
import type { Draft } from "./draft";
import { addPackages } from "./edits";

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
