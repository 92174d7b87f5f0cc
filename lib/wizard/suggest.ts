/**
 * Suggestions for the package combobox: knowledge entries matching what was typed, each with
 * what it needs on the chosen target. The resolver answers (not a copy of its rules), by
 * planning a spec that holds just that one package.
 */
import { PACKAGES, normalizeName, type PackageKnowledge } from "../knowledge";
import { resolve, type InstallKind } from "../resolve";
import type { BuildSpec } from "../spec";

export interface Suggestion {
  knowledge: PackageKnowledge;
  install: InstallKind;
  /** One sentence from the resolver: why it installs this way. */
  detail: string;
  build: string[];
  runtime: string[];
}

/** The package-name part of what was typed ("psycopg2>=2.9" → "psycopg2"). */
export function typedName(text: string): string {
  return /^\s*([A-Za-z0-9._-]*)/.exec(text)?.[1] ?? "";
}

export function matchPackages(text: string, limit = 8): PackageKnowledge[] {
  const q = normalizeName(typedName(text));
  if (q === "") return [];
  const rank = (k: PackageKnowledge): number => {
    if (k.name === q) return 0;
    if (k.name.startsWith(q)) return 1;
    if (k.name.includes(q)) return 2;
    if (k.summary.toLowerCase().includes(q)) return 3;
    return 9;
  };
  return PACKAGES.map((k) => ({ k, r: rank(k) }))
    .filter((x) => x.r < 9)
    .sort((a, b) => a.r - b.r || a.k.name.localeCompare(b.k.name))
    .slice(0, limit)
    .map((x) => x.k);
}

/** What one package means for `spec`'s image, platform and Python. */
export function describeFor(spec: BuildSpec, k: PackageKnowledge): Suggestion {
  const plan = resolve({ ...spec, packages: [{ name: k.name, extras: [], hashes: [] }], systemPackages: { build: [], runtime: [], omit: [] } });
  const p = plan.packages[0];
  return {
    knowledge: k,
    install: p.install,
    detail: p.detail,
    build: plan.builder.systemPackages.map((s) => s.name),
    runtime: plan.final.systemPackages.map((s) => s.name),
  };
}

export function suggest(spec: BuildSpec, text: string, limit = 8): Suggestion[] {
  return matchPackages(text, limit).map((k) => describeFor(spec, k));
}
