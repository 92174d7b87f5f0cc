/**
 * Suggestions for the package combobox: curated entries matching what was typed (from the catalog, which the page has
 * before any entry), each with what it needs on the chosen target once its entry is at hand. The resolver answers
 * (not a copy of its rules), by planning a spec that holds just that one package.
 */
import type { Knowledge } from "../knowledge/facts";
import { normalizeName } from "../knowledge/names";
import type { CuratedCatalogEntry } from "../knowledge/types";
import { resolve, type InstallKind } from "../resolve";
import type { BuildSpec } from "../spec";

/** What one package means for a spec's image, platform and Python, from the resolver. */
export interface SuggestionNeeds {
  install: InstallKind;
  /** One sentence from the resolver: why it installs this way. */
  detail: string;
  build: string[];
  runtime: string[];
}

export interface Suggestion {
  entry: CuratedCatalogEntry;
  /** Absent while the entry's facts are loading. */
  needs?: SuggestionNeeds;
}

/** The package-name part of what was typed ("psycopg2>=2.9" → "psycopg2"). */
export function typedName(text: string): string {
  return /^\s*([A-Za-z0-9._-]*)/.exec(text)?.[1] ?? "";
}

export function matchPackages(catalog: readonly CuratedCatalogEntry[], text: string, limit = 8): CuratedCatalogEntry[] {
  const q = normalizeName(typedName(text));
  if (q === "") return [];
  const rank = (k: CuratedCatalogEntry): number => {
    if (k.name === q) return 0;
    if (k.name.startsWith(q)) return 1;
    if (k.name.includes(q)) return 2;
    if (k.summary.toLowerCase().includes(q)) return 3;
    return 9;
  };
  return catalog
    .map((k) => ({ k, r: rank(k) }))
    .filter((x) => x.r < 9)
    .sort((a, b) => a.r - b.r || a.k.name.localeCompare(b.k.name))
    .slice(0, limit)
    .map((x) => x.k);
}

/** What one package means for `spec`'s image, platform and Python, with the curated facts in `knowledge`. */
export function describeFor(spec: BuildSpec, entry: CuratedCatalogEntry, knowledge: Knowledge): Suggestion {
  const plan = resolve({ ...spec, packages: [{ name: entry.name, extras: [], hashes: [] }], systemPackages: { build: [], runtime: [], omit: [] } }, knowledge);
  const p = plan.packages[0];
  return {
    entry,
    needs: {
      install: p.install,
      detail: p.detail,
      build: plan.builder.systemPackages.map((s) => s.name),
      runtime: plan.final.systemPackages.map((s) => s.name),
    },
  };
}
